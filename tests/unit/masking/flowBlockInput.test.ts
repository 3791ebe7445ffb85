import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

/** A contact flow's log names what the caller keyed in only by the block that asked for it; a bot's slot names its values. */
describe('input keyed into a flow block, named by the block', () => {
  const engine = createMaskingEngine(undefined, { locale: 'en-US' });

  it('hides the expiry and the code of an IVR payment log, and raises the incident for the code', () => {
    const log = [
      '09:14:22.318 [IVR] flow=PayBill block=GetCardNumber dtmf=4921816453077288# result=Success',
      '09:14:39.902 [IVR] flow=PayBill block=GetExpiry dtmf=0927# result=Success',
      '09:14:51.044 [IVR] flow=PayBill block=GetSecurityCode dtmf=618# result=Success',
    ].join('\n');
    const { display } = engine.maskText(log);
    expect(display).toBe(
      [
        '09:14:22.318 [IVR] flow=PayBill block=GetCardNumber dtmf=•••• 7288# result=Success',
        `09:14:39.902 [IVR] flow=PayBill block=GetExpiry dtmf=${FULL_MASK}# result=Success`,
        `09:14:51.044 [IVR] flow=PayBill block=GetSecurityCode dtmf=${FULL_MASK}# result=Success`,
      ].join('\n'),
    );
    const { auditEvents } = engine.explain({ ivrLog: log });
    expect(auditEvents.some((e) => JSON.stringify(e).includes('securityCode'))).toBe(true);
    expect(JSON.stringify(auditEvents)).not.toContain('618');
  });

  it.each([
    ['module=CollectPin input=4821', `module=CollectPin input=${FULL_MASK}`],
    ['block=GetDOB dtmf=19800512# result=ok', `block=GetDOB dtmf=${FULL_MASK}# result=ok`],
    ['step=CollectSSN flow=Verify digits=123456789', 'step=CollectSSN flow=Verify digits=•••• 6789'],
    // A flow log's Store customer input / Set contact attributes entry: the key names the value.
    [
      '{"ContactFlowModuleType":"StoreUserInput","Parameters":{"Key":"ワンタイムコード","Value":"204857"}}',
      `{"ContactFlowModuleType":"StoreUserInput","Parameters":{"Key":"ワンタイムコード","Value":"${FULL_MASK}"}}`,
    ],
    ['{"Parameters":{"Key":"customerPin","Value":"1234"}}', `{"Parameters":{"Key":"customerPin","Value":"${FULL_MASK}"}}`],
  ])('%s → %s', (text, shown) => {
    expect(engine.maskText(text).display).toBe(shown);
  });

  it.each([
    'flow=Main block=MainMenu dtmf=2# result=Success',
    'block=GetZipCode dtmf=94105#',
    'block=GetOrderNumber dtmf=10483920#',
    // An expiry alone is no card data (PCI DSS): only in a log that speaks of a card.
    'block=GetExpiry dtmf=0927#',
    '{"Parameters":{"Key":"Greeting","Value":"Hello 12345678"}}',
  ])('leaves %s as written', (text) => {
    expect(engine.maskText(text).display).toBe(text);
  });
});

describe("a bot slot's values, named by the slot (Amazon Lex V2 JSON)", () => {
  const engine = createMaskingEngine(undefined, { locale: 'en-US' });

  it('hides every form of a birth date and a one-time code, and nothing of another slot', () => {
    const dob =
      '{"slots":{"DateOfBirth":{"value":{"originalValue":"march third nineteen ninety one","interpretedValue":"1991-03-03"}}},"confirmationState":"Confirmed"}';
    expect(engine.maskText(dob).display).toBe(
      `{"slots":{"DateOfBirth":{"value":{"originalValue":"${FULL_MASK}","interpretedValue":"${FULL_MASK}"}}},"confirmationState":"Confirmed"}`,
    );
    const otp =
      '{"slots":{"otpCode":{"value":{"originalValue":"five five eight one two zero","interpretedValue":"558120","resolvedValues":["558120"]}},"City":{"value":{"originalValue":"tokyo","interpretedValue":"Tokyo","resolvedValues":["Tokyo"]}}}}';
    const { display, findings } = engine.maskText(otp);
    expect(display).toBe(
      `{"slots":{"otpCode":{"value":{"originalValue":"${FULL_MASK}","interpretedValue":"${FULL_MASK}","resolvedValues":["${FULL_MASK}"]}},"City":{"value":{"originalValue":"tokyo","interpretedValue":"Tokyo","resolvedValues":["Tokyo"]}}}}`,
    );
    expect(findings.every((f) => f.detector === 'sensitiveAuth:oneTimeCode')).toBe(true);
  });
});

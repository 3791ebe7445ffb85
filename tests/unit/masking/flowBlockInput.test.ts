import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

/** A contact flow's log names what the caller keyed in only by the block that asked for it. */
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
  ])('%s → %s', (text, shown) => {
    expect(engine.maskText(text).display).toBe(shown);
  });

  it.each([
    'flow=Main block=MainMenu dtmf=2# result=Success',
    'block=GetZipCode dtmf=94105#',
    'block=GetOrderNumber dtmf=10483920#',
    // An expiry alone is no card data (PCI DSS): only in a log that speaks of a card.
    'block=GetExpiry dtmf=0927#',
  ])('leaves %s as written', (text) => {
    expect(engine.maskText(text).display).toBe(text);
  });
});

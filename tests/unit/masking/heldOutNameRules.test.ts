import { describe, expect, it } from 'vitest';
import { nameWords } from '../../../src/core/masking/contextWords.ts';
import { maskingEngineForPolicy } from '../../../src/core/masking/maskingEngineForPolicy.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';

// The engine the shell builds for the smallest valid policy, as the held-out corpus scores it.
const engine = maskingEngineForPolicy(applyDefaults({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' } }), { locale: 'en-US' });
const shown = (name: string, value: string): string | undefined => engine.maskAttributes({ [name]: value }).attributes[0]?.display;

// 550614089288 has a valid My Number check digit; so does 744123798375.
const MY_NUMBER = '550614089288';

describe('"<subject> number" names, however "number" is written', () => {
  it.each(['individualNo', 'indiv_num', 'IndivNumber', 'individual-nbr', 'indivNo', 'mynum', 'my_no', 'myNo', 'kojin_bango'])(
    '%s hides a bare twelve-digit My Number',
    (name) => {
      expect(shown(name, MY_NUMBER)).toBe('[My Number]');
    },
  );

  it.each(['memberNo', 'invoice_no', 'tracking_no', 'accountNbr', 'policyNum', 'ReservationNo', 'shipmentNum', 'orderNumber'])(
    '%s shows the same twelve digits: it is some other id',
    (name) => {
      expect(shown(name, MY_NUMBER)).toBe(MY_NUMBER);
    },
  );

  it('reads "#" as "number" and card abbreviations as a card number', () => {
    expect(nameWords('card#')).toEqual(['card', 'no']);
    for (const name of ['card#', 'CardNbr', 'cc_no', 'ccNum', 'debitCardNo']) expect(shown(name, '4111')).toBe(FULL_MASK);
  });
});

describe('names about a check of a secret, not the secret', () => {
  it.each([
    ['cvvMatch', 'N'],
    ['pinCheck', 'failed'],
    ['otpResponse', 'accepted'],
    ['isPinSet', 'true'],
    ['hasOtp', 'false'],
    ['パスワード変更日', '2025-03-01'],
  ])('%s shows %s', (name, value) => {
    expect(shown(name, value)).toBe(value);
  });

  it('still hides the secret itself', () => {
    for (const name of ['cvv', 'cvv2', 'card_cvc', 'pinCode', 'oneTimePasscode', 'verificationCode', 'パスワード', '暗証番号'])
      expect(shown(name, '4821')).toBe(FULL_MASK);
  });
});

import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

const engine = createMaskingEngine(undefined, { locale: 'en-US' });

/** From the sixth independent corpus: attributes and records written into a text as JSON or key=value. */
describe('a value whose key in the text names it', () => {
  it.each([
    [
      "JSON, an SSN's last four",
      '{"lastFourSSN":"3684","言語":"日本語","通話理由":"年金"}',
      `{"lastFourSSN":"${FULL_MASK}","言語":"日本語","通話理由":"年金"}`,
    ],
    [
      "key=value, an SSN's last four",
      'lastFourSSN=4507|zip=94103-1234|authStatus=VERIFIED|attempts=1',
      `lastFourSSN=${FULL_MASK}|zip=94103-1234|authStatus=VERIFIED|attempts=1`,
    ],
    ['key=value, a birth date as eight digits', 'dateOfBirth=04121980;memberSince=2014;tier=GOLD', `dateOfBirth=${FULL_MASK};memberSince=2014;tier=GOLD`],
    [
      "JSON, a card's expiry beside its code",
      '{"cvv":"714","exp":"0927","cardholder":"J. Alvarez","card_last4":"7175","amount":"129.00"}',
      `{"cvv":"${FULL_MASK}","exp":"${FULL_MASK}","cardholder":"J. Alvarez","card_last4":"7175","amount":"129.00"}`,
    ],
    [
      'JSON, a security answer in kana',
      '{"securityQuestion":"母親の旧姓","securityAnswer":"たかはし","authResult":"PASS"}',
      `{"securityQuestion":"母親の旧姓","securityAnswer":"${FULL_MASK}","authResult":"PASS"}`,
    ],
    ['JSON, a PIN as a number', '{"enteredPin":4821,"attempts":1}', `{"enteredPin":${FULL_MASK},"attempts":1}`],
    ["a URL's query, a token", 'https://crm.example.com/cb?token=eyJhbGciOi&lang=ja', `https://crm.example.com/cb?token=${FULL_MASK}&lang=ja`],
  ])('%s', (_case, text, display) => {
    expect(engine.maskText(text).display).toBe(display);
  });

  it('raises the incident for a PIN or code so named, without its value', () => {
    const { auditEvents } = engine.maskText('{"enteredPin":"4821"}', 'chat');
    expect(auditEvents.map((event) => event.details)).toEqual([{ source: 'chat', kind: 'pin' }]);
  });

  it.each([
    ['flags and placeholders', '{"pinSet":true,"otp":null,"password":"n/a","cvv":"***"}'],
    ['keys about something else than the secret', '{"pinAttempts":3,"otpStatus":"sent","tokenExpiry":"2026-12-31","card_last4":"7175"}'],
    ['harmless keys', 'orderId=88123&qty=2&tier=GOLD&memberSince=2014'],
    ['Japanese written straight after a value', 'pinAttempts=3です'],
  ])('leaves %s alone', (_case, text) => {
    expect(engine.maskText(text).display).toBe(text);
  });
});

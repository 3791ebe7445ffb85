import { describe, expect, it } from 'vitest';
import { nameWords } from '../../../src/core/masking/contextWords.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

const engine = createMaskingEngine(undefined, { defaultCountry: 'JP' });
const shown = (name: string, value: string): string | undefined => engine.maskAttributes({ [name]: value }).attributes[0]?.display;

describe('attribute names split into words', () => {
  it('splits camelCase, snake_case, kebab-case and Japanese', () => {
    expect(nameWords('tokenIssuedAt')).toEqual(['token', 'issued', 'at']);
    expect(nameWords('individual_number_jp')).toEqual(['individual', 'number', 'jp']);
    expect(nameWords('card-expiry-date')).toEqual(['card', 'expiry', 'date']);
    expect(nameWords('カード番号下4桁')).toEqual(['カード', '番号', '下', '4', '桁']);
    expect(nameWords('パスワード再設定日時')).toEqual(['パスワード', '再', '設定', '日時']);
  });
});

describe('My Number named the English way', () => {
  it.each(['individualNumber', 'individual_number_jp', 'IndividualNumber', 'customer-individual-number', 'マイナンバー', '個人番号'])(
    '%s hides a bare twelve-digit My Number',
    (name) => {
      expect(shown(name, '550614089288')).toBe('[My Number]');
    },
  );
});

describe('names decide by what they are about', () => {
  it('keeps times, counts and statuses about a secret visible', () => {
    expect(shown('tokenIssuedAt', '2025-03-21T08:56:02Z')).toBe('2025-03-21T08:56:02Z');
    expect(shown('passwordLastChangedAt', '2025-01-04')).toBe('2025-01-04');
    expect(shown('pinAttempts', '2')).toBe('2');
    expect(shown('otpStatus', 'verified')).toBe('verified');
    expect(shown('cvvResult', 'M')).toBe('M');
    expect(shown('パスワード再設定日時', '2025年3月21日 8:56')).toBe('2025年3月21日 8:56');
    // When a token or password stops working, and how a code was sent.
    expect(shown('tokenExpiry', '2026-12-31T00:00:00Z')).toBe('2026-12-31T00:00:00Z');
    expect(shown('passwordExpiration', '2027-01-31')).toBe('2027-01-31');
    expect(shown('otpChannel', 'sms')).toBe('sms');
    // A card's expiry is still the card's.
    for (const name of ['cardExpiry', 'ccExpiration', 'creditCardExpiry', 'expiry', 'カード有効期限']) expect(shown(name, '12/27')).toBe(FULL_MASK);
  });

  it('shows a field that holds only the last four digits as it is', () => {
    expect(shown('panLast4', '4312')).toBe('4312');
    expect(shown('card_last_four', '4312')).toBe('4312');
    expect(shown('カード番号下4桁', '4312')).toBe('4312');
    // It is still scanned: a full card number typed into it is masked.
    expect(shown('panLast4', '4111111111111111')).toBe('•••• 1111');
  });

  it("hides an SSN's last four, which proves who the caller is, and a security question's answer", () => {
    for (const name of ['lastFourSSN', 'ssnLast4', 'ssn_last_four']) expect(shown(name, '4507')).toBe(FULL_MASK);
    for (const name of ['securityAnswer', 'security_answer', 'kbaAnswer', '秘密の質問の答え']) expect(shown(name, 'biscuit2009')).toBe(FULL_MASK);
    // The question, and whether the answer matched, are not the answer.
    expect(shown('securityQuestion', "first pet's name")).toBe("first pet's name");
    expect(shown('securityAnswerMatched', 'true')).toBe('true');
  });

  it('still hides what the name says is the secret', () => {
    expect(shown('sessionToken', 'abc')).toBe(FULL_MASK);
    expect(shown('card1', '4111')).toBe('4111');
    expect(shown('cardNumber', '4111')).toBe(FULL_MASK);
    expect(shown('customer_SSN', '123456789')).toBe('•••• 6789');
  });

  it('masks card expiry by default', () => {
    for (const name of ['cardExpiry', 'expiryDate', 'cc_exp', 'card_expiration_date', 'カード有効期限', '有効期限'])
      expect(shown(name, '12/29')).toBe(FULL_MASK);
    // Another thing's expiry is a time.
    expect(shown('tokenExpiresAt', '2025-03-21T09:56:02Z')).toBe('2025-03-21T09:56:02Z');
  });
});

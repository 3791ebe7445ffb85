import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

const fixedNow = (): Date => new Date('2026-12-01T00:00:00.000Z');
// Even a policy that lets supervisors reveal secrets and shows them in full.
const engine = createMaskingEngine({ display: { secret: 'full' } }, { defaultCountry: 'JP', now: fixedNow });

describe('sensitive authentication data', () => {
  it.each([
    ['cvv', '123', 'securityCode'],
    ['CVC2', '4321', 'securityCode'],
    ['securityCode', '123', 'securityCode'],
    ['card_security_code', '123', 'securityCode'],
    ['セキュリティコード', '１２３', 'securityCode'],
    ['pin', '4821', 'pin'],
    ['暗証番号', '4821', 'pin'],
    ['otp', '482913', 'oneTimeCode'],
    ['ワンタイムコード', '204857', 'oneTimeCode'],
    ['認証番号', '482913', 'oneTimeCode'],
    ['oneTimePassword', '482913', 'oneTimeCode'],
    ['password', 'hunter2', 'password'],
    ['パスワード', 'himitsu', 'password'],
  ])('%s is hidden, never revealed, and audited as an incident without its value', (name, value, sort) => {
    const { attributes, auditEvents } = engine.maskAttributes({ [name]: value });
    expect(attributes[0]?.display).toBe(FULL_MASK);
    expect(auditEvents).toEqual([{ type: 'masking.sensitive_auth_data', at: '2026-12-01T00:00:00.000Z', details: { source: name, kind: sort } }]);
    expect(JSON.stringify(auditEvents)).not.toContain(value);
    expect(engine.revealDisplay(name, value, 'secret').display).toBe(FULL_MASK);
  });

  it('finds codes written into free text, keeps them hidden on reveal and raises the incident', () => {
    const text = 'card 4111 1111 1111 1111 CVV 123, PIN: 4821';
    const masked = engine.maskText(text, 'chat');
    expect(masked.display).toBe('card •••• 1111 CVV ••••••••, PIN: ••••••••');
    expect(masked.auditEvents).toEqual([
      { type: 'masking.sensitive_auth_data', at: '2026-12-01T00:00:00.000Z', details: { source: 'chat', kind: 'securityCode' } },
      { type: 'masking.sensitive_auth_data', at: '2026-12-01T00:00:00.000Z', details: { source: 'chat', kind: 'pin' } },
    ]);
    expect(engine.maskText('セキュリティコードは１２３です').display).toBe('セキュリティコードは••••••••です');
    expect(engine.maskText('ワンタイムパスワード 482913 を入力').display).toBe('ワンタイムパスワード •••••••• を入力');
    expect(engine.maskText('my password is hunter2').display).toBe('my password is ••••••••');
    // A supervisor revealing the note sees the rest, never the code.
    expect(engine.revealDisplay('note', 'called back, cvv 123, ssn 123-45-6789', 'ssn').display).toBe('called back, cvv ••••••••, ssn 123-45-6789');
  });

  it.each([
    ['セキュリティコード（裏面3桁）：123', 'セキュリティコード（裏面3桁）：••••••••'],
    ['暗証番号（4桁）は1234です', '暗証番号（4桁）は••••••••です'],
    ['CVV (3 digits on the back): 123', 'CVV (3 digits on the back): ••••••••'],
    ['security code (the 3 digits on the back) is 737', 'security code (the 3 digits on the back) is ••••••••'],
    ['PIN (4 digits): 1234', 'PIN (4 digits): ••••••••'],
    // From an independent corpus (2026-12-03), then handled.
    ['the code is 482913', 'the code is ••••••••'],
    ['It says enter code 661203 but it expired', 'It says enter code •••••••• but it expired'],
    ['届いたコードは735102です', '届いたコードは••••••••です'],
    ['Verification code: 902-117', 'Verification code: ••••••••'],
    ['one-time passcode 739 204', 'one-time passcode ••••••••'],
    ['Reset voicemail PIN to 908172 at cust request', 'Reset voicemail PIN to •••••••• at cust request'],
    ['セキュリティコード３桁は０８１です', 'セキュリティコード３桁は••••••••です'],
    ['カード表面の4桁のコードは3371です', 'カード表面の4桁のコードは••••••••です'],
    ['fine my login pw is hunter2lol lol', 'fine my login pw is •••••••• lol'],
    ['新しいパスワードは「Tokyo#2024」にしました', '新しいパスワードは「••••••••」にしました'],
    // From a second independent corpus (2026-12-06): a code read out digit by digit or in pairs.
    ['CUSTOMER: the code is 4 8 2 9 1 3', 'CUSTOMER: the code is ••••••••'],
    ['SMSで届いた確認コード 7 1 0 3 2 9 を入力してもエラーになります', 'SMSで届いた確認コード •••••••• を入力してもエラーになります'],
    ['期限は 11/25 で、セキュリティコードは 5 3 8 です', '期限は 11/25 で、セキュリティコードは •••••••• です'],
    ['verification code 55 12 09', 'verification code ••••••••'],
    ['PIN is 1 2 3 4', 'PIN is ••••••••'],
    ['PW→ Hanako_2024', 'PW→ ••••••••'],
    ['password -> Tokyo#2024', 'password -> ••••••••'],
    ['temp password issued: Kx9#vL2q - cx to reset on first login', 'temp password issued: •••••••• - cx to reset on first login'],
    ['password reset to Sakura2025', 'password reset to ••••••••'],
    // From the third independent corpus: a PIN "for the card", a code "on the back".
    ['new pin for the card is 7306 can you confirm its set', 'new pin for the card is •••••••• can you confirm its set'],
    ['and the code on the back is 418', 'and the code on the back is ••••••••'],
    // From the fifth (2026-12-07): a PIN under a camelCase key in a flow log; "will be" between word and PIN.
    ['flow=AuthPIN attr.pinAttempt=1 attr.enteredPin=7204 result=MATCH', 'flow=AuthPIN attr.pinAttempt=1 attr.enteredPin=•••••••• result=MATCH'],
    ['cust said new PIN will be 6652 – advised not to share it', 'cust said new PIN will be •••••••• – advised not to share it'],
    // From the fourth independent corpus (2026-12-06).
    ["Customer's Discover: 6522-5289-4832-9004, 3-digit code on back 902", "Customer's Discover: •••• 9004, 3-digit code on back ••••••••"],
    [
      'Customer read card as 4019 6144 0906 7302 then expiry 0330 then the code 147',
      'Customer read card as •••• 7302 then expiry •••••••• then the code ••••••••',
    ],
    ['認証番号【902716】をアプリに入力してください。', '認証番号【••••••••】をアプリに入力してください。'],
    ['パスワードを「Tokyo#2025aki」に変更したとお客様が申告', 'パスワードを「••••••••」に変更したとお客様が申告'],
    ['カード番号これです 裏の番号は539', 'カード番号これです 裏の番号は••••••••'],
    // From the fifth and second independent corpora: the code's length as its label, on a card's back.
    ['カード裏面の３桁：４０９（お客様が読み上げ）', 'カード裏面の３桁：••••••••（お客様が読み上げ）'],
    ['お客様：セキュリティコードって裏の3桁ですよね、209です', 'お客様：セキュリティコードって裏の3桁ですよね、••••••••です'],
    // From the sixth: a PIN with dashes, who sent a code between its word and it.
    ['CUSTOMER: PIN is 4-7-1-9', 'CUSTOMER: PIN is ••••••••'],
    ['yeah the code they texted me is 4 4 7 1 9 0', 'yeah the code they texted me is ••••••••'],
    ['the code you texted me is 583920', 'the code you texted me is ••••••••'],
  ])('finds a code after a note in parentheses, a length, or a bare "code": %s', (text, display) => {
    expect(engine.maskText(text).display).toBe(display);
  });

  it('leaves talk about codes without a code alone', () => {
    for (const text of [
      'PIN reset requested',
      'OTP sent at 10:30',
      'shipping 1234 items',
      'password reset link sent',
      'spin 1234',
      // A capital after a capital is no camelCase word: "SPIN", "QRCode".
      'SPIN 1234',
      'QRCode=123456',
      'promoCode=123456',
      'PIN (4 digits) please enter it on the keypad',
      'セキュリティコード（裏面3桁）をご確認ください',
      // The back of an envelope, not of a card.
      '封筒の裏の3桁の番号 123',
      // A password's rule: its length, not a password (the sixth independent corpus).
      'ログイン画面で「パスワードは8文字以上、英数字記号を含めてください」と表示されます。',
      'password: 12 characters or more',
      // A bare "code" after a word that makes it another code, or with fewer than four digits.
      'zip code 94105',
      'promo code 2024',
      '割引コード1234をお使いください',
      // A bank's code (the fifth independent corpus): public, on every transfer form.
      '外国送金：SWIFT BOTKJPJT、金融機関コード 0005',
      '金融機関コード０００５、支店番号１３５（渋谷支店）への振込は翌営業日反映です。',
      'error code 500123',
      'area code 415',
      'postal code: 1000001',
      'tracking code 12345678',
      'reference code 123456',
      '郵便番号コード1000001',
      'code 123',
      'the code 123 is on the box',
      // Digits read out one by one count as the code they make: too few, or another code, stay.
      'code 1 2 3',
      'zip code 9 4 1 0 5',
      'PIN 1 2',
      // After a verb, only what reads as a password (a digit or a symbol in it).
      'password reset link sent',
      'password changed to avoid lockout',
      'password sent to the customer',
      'password manager app',
      'password changed 2025/03/01',
      'password ticket INC0012345',
      'password 2 factor',
      'the number on the back of the box is 12345',
    ]) {
      expect(engine.maskText(text)).toEqual({ display: text, findings: [], auditEvents: [] });
    }
  });
});

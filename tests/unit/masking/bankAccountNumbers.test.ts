import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

/**
 * Bank account numbers under their label where the text is about a bank account: the routing or
 * sort code beside them, 銀行/支店/普通/当座 in Japanese. A customer's account with the company
 * ("Account 88120034 status active") is an id the agent needs and stays.
 */
describe('bank account numbers', () => {
  const engine = createMaskingEngine(undefined, { locale: 'en-US' });

  it.each([
    ['routing 021016387 acct 4837201956', 'routing •••• 6387 acct •••• 1956'],
    ['acc no. 44019283, sort 40-12-76, name on acct Jane Whitfield', 'acc no. •••• 9283, sort 40-12-76, name on acct Jane Whitfield'],
    ['sort code 30-96-34 account 71152208', 'sort code 30-96-34 account •••• 2208'],
    ['Refund,John Carter,ABA 111070482,Acct 000123847561,Checking,$84.20', 'Refund,John Carter,ABA •••• 0482,Acct •••• 7561,Checking,$84.20'],
    ['checking account number: 9876543210', 'checking account number: •••• 3210'],
    ['Bank: Chase, A/C 123456789012', 'Bank: Chase, A/C •••• 9012'],
    // Markdown round the label and the number (the sixth independent corpus).
    ['**Acct:** `483920175566`\n**Routing:** `021000021`', '**Acct:** `•••• 5566`\n**Routing:** `•••• 0021`'],
    // Seven digits: four would be more than half of them, so none is shown.
    ['三菱UFJ銀行 渋谷支店 普通 4829173', `三菱UFJ銀行 渋谷支店 普通 ${FULL_MASK}`],
    ['口座は 普通\u3000０７４８８１２ です', `口座は 普通\u3000${FULL_MASK} です`],
    [
      '振込先：みずほ銀行 新宿支店（店番号 210）普通預金 口座番号 3051128 名義 ヤマダ タロウ',
      `振込先：みずほ銀行 新宿支店（店番号 210）普通預金 口座番号 ${FULL_MASK} 名義 ヤマダ タロウ`,
    ],
    ['当座 1234567', `当座 ${FULL_MASK}`],
    // From the third independent corpus: groups read out, "is", a JSON key with an underscore.
    ['CUSTOMER: the account number is 6120 9934 and the sort code is 40 12 76', 'CUSTOMER: the account number is •••• 9934 and the sort code is 40 12 76'],
    ['checking acct 7731 0042 8819 at Wells, routing 121000358', 'checking acct •••• 8819 at Wells, routing •••• 0358'],
    [
      '{"bank":"三井住友銀行","branch":"梅田支店","type":"普通","account_no":"7294018"}',
      `{"bank":"三井住友銀行","branch":"梅田支店","type":"普通","account_no":"${FULL_MASK}"}`,
    ],
    ['ゆうちょ銀行 口座番号：12345678', 'ゆうちょ銀行 口座番号：•••• 5678'],
    // From the fifth independent corpus (2026-12-07): 、 after the label, as a number is said; and said in kana, one digit at a time.
    ['お客様：口座番号は、3715089、です', `お客様：口座番号は、${FULL_MASK}、です`],
    ['お客様：口座番号は、さん、なな、いち、ご、ぜろ、はち、きゅう、です', `お客様：口座番号は、${FULL_MASK}、です`],
    // ゆうちょ's 記号 and 番号, together or on lines of their own (in the third, fourth and fifth corpora).
    ['返金先：ゆうちょ銀行\u3000記号番号 10180-38812741（名義：ﾀﾅｶ ﾐｻｷ）', `返金先：ゆうちょ銀行\u3000記号番号 ${FULL_MASK}-•••• 2741（名義：ﾀﾅｶ ﾐｻｷ）`],
    [
      'ゆうちょ銀行\n記号：１２１４０\n番号：３８４７２６１５\n名義：タナカ\u3000ミホ',
      `ゆうちょ銀行\n記号：${FULL_MASK}\n番号：•••• 2615\n名義：タナカ\u3000ミホ`,
    ],
    // A table's column whose header names it, in a table about bank accounts (third and fifth corpora).
    ['account_type,account_number,routing_number\nsavings,000123884719,021000021', 'account_type,account_number,routing_number\nsavings,•••• 4719,•••• 0021'],
    ['name,acct_no,sort_code\nJane,71152208,30-96-34', 'name,acct_no,sort_code\nJane,•••• 2208,30-96-34'],
    ['{"bank":"Barclays","sortCode":"20-00-00","accountNumber":"55779911"}', '{"bank":"Barclays","sortCode":"20-00-00","accountNumber":"•••• 9911"}'],
  ])('%s → %s', (text, shown) => {
    expect(engine.maskText(text).display).toBe(shown);
  });

  it.each([
    'Account 88120034 status active, plan Unlimited',
    'acct 12345678 moved to the gold plan',
    'bank account ending 0875, cx wants statements paused',
    'account PIN 0703 for the phone line, cx confirmed',
    'acct_id 100293',
    'account number 123',
    'bank account 12 34',
    '普通の方法で12345678件',
    'bank holiday: account 2024-11-29',
    '口座番号をお知らせください',
    // Another card's 記号・番号 (a health insurance card's), and a 記号 that is no ゆうちょ one.
    '健康保険証　記号・番号：４７１２０３・２２（保険者番号０６１３８８１４）',
    '記号 A-12 番号 5',
    // An account column in a table with no bank's column is the customer's account with the company.
    'id,account_number,status\n1,88120034,active',
  ])('finds no account number in %s', (text) => {
    expect(engine.maskText(text).findings.filter((f) => f.kind === 'accountNumber')).toEqual([]);
  });

  it('is the organisation’s to switch off, as the other number detectors are', () => {
    const off = createMaskingEngine({ detectors: { accountNumber: false } }, { locale: 'en-US' });
    expect(off.maskText('sort code 30-96-34 account 71152208').display).toBe('sort code 30-96-34 account 71152208');
  });
});

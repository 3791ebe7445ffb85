import { describe, expect, it } from 'vitest';
import { maskAuditText } from '../../../src/core/audit/maskAuditText.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { normalizeForDetection } from '../../../src/core/masking/normalizeForDetection.ts';

const engine = createMaskingEngine(undefined, { locale: 'en-US' });
const hidden = (text: string, value: string): boolean => {
  const at = text.indexOf(value);
  const { findings } = engine.maskText(text);
  for (let i = at; i < at + value.length; i++) {
    if (/[\p{L}\p{N}]/u.test(text.charAt(i)) && !findings.some((f) => f.start <= i && f.end > i)) return false;
  }
  return true;
};

describe('numbers read out in words', () => {
  it.each([
    [
      'a card digit by digit, with "dash"',
      'CUSTOMER: four one one one dash one one one one dash one one one one dash one one one one',
      'four one one one dash one one one one dash one one one one dash one one one one',
    ],
    [
      'a card in groups between commas',
      "CUSTOMER: it's five five five five, five five five five, five five five five, four four four four.",
      'five five five five, five five five five, five five five five, four four four four',
    ],
    ['an expiry and a code after their words', 'CUSTOMER: expiry is oh nine twenty-seven and the security code is three six five', 'oh nine twenty-seven'],
    ['a code after its word', 'CUSTOMER: expiry is oh nine twenty-seven and the security code is three six five', 'three six five'],
    [
      'a US number in three groups',
      'CUSTOMER: best number is two one two, five five five, zero one four two.',
      'two one two, five five five, zero one four two',
    ],
    [
      'a UK mobile with "double"',
      "CUSTOMER: it's oh seven nine one one, double one two, three four five",
      'oh seven nine one one, double one two, three four five',
    ],
    ['a one-time code said with a filler', 'CUSTOMER: the code is eight four, uh, two nine one three', 'eight four, uh, two nine one three'],
    ['a PIN in kanji digits', 'お客様：暗証番号は三〇八二です', '三〇八二'],
    ['a My Number in kanji groups', 'お客様：マイナンバーは、一二三四、五六七八、九〇一八です。', '一二三四、五六七八、九〇一八'],
    ['a mobile number in kanji, read with の', 'お客様：番号は〇九〇の一二三四の五六七八です。', '〇九〇の一二三四の五六七八'],
    ['a one-time code read one digit at a time', 'お客様：えっと、認証番号が…５、８、２、０、４、６です', '５、８、２、０、４、６'],
    ['a code read in kana one digit at a time', 'お客様：ワンタイムコードは、はち、よん、に、きゅう、いち、さん、です', 'はち、よん、に、きゅう、いち、さん'],
  ])('%s is hidden', (_case, text, value) => {
    expect(hidden(text, value)).toBe(true);
  });

  it.each([
    'We have two or three options, one of them is free.',
    'oh okay, oh, one more thing',
    'She has two kids and three dogs, open twenty-four seven.',
    'The order of five hundred and twelve units ships in two weeks.',
    '二千二十四年三月、七五三のお祝い',
    'さんまとごはん、いちごを買いました',
    '手順1、2、3を確認',
    'Call volume was up twenty percent, forty minutes average handle time.',
  ])('leaves "%s" as it is', (text) => {
    expect(engine.maskText(text).display).toBe(text);
  });

  it('reads the words as digits, each digit mapped back to its word', () => {
    const text = 'my pin is four two, nine one ok';
    const normalized = normalizeForDetection(text);
    expect(normalized.text).toBe('my pin is 42 91 ok');
    const at = normalized.text.indexOf('42 91');
    expect(text.slice(normalized.originalStart(at), normalized.originalEnd(at + 5))).toBe('four two, nine one');
    expect(normalizeForDetection('twenty seven, nineteen eighty-two, double five oh').text).toBe('27 1982 550');
  });

  it('shows a card read in words without its last four: the words are no digits to show', () => {
    expect(engine.maskText('CUSTOMER: four one one one, one one one one, one one one one, one one one one').display).toBe('CUSTOMER: ••••••••');
  });

  it('hides a card read in words in an audit detail too (the audit masker folds the same way)', () => {
    const masked = maskAuditText('text', 'note: card four one one one, one one one one, one one one one, one one one one');
    expect(masked).not.toMatch(/one one one/);
    expect(masked.startsWith('note: card ')).toBe(true);
  });
});

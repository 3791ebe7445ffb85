import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { normalizeForDetection } from '../../../src/core/masking/normalizeForDetection.ts';

const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });

describe('digits in other Unicode forms and with invisible characters', () => {
  it.each([
    ['mathematical bold', '𝟒𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏'],
    ['mathematical monospace', '𝟺𝟷𝟷𝟷𝟷𝟷𝟷𝟷𝟷𝟷𝟷𝟷𝟷𝟷𝟷𝟷'],
    ['circled', '④①①① ①①①① ①①①① ①①①①'],
    ['superscript', '⁴¹¹¹ ¹¹¹¹ ¹¹¹¹ ¹¹¹¹'],
    ['subscript', '₄₁₁₁₁₁₁₁₁₁₁₁₁₁₁₁'],
    ['invisible separator U+2063', '4\u20631\u20631\u20631 1111 1111 1111'],
    ['combining grapheme joiner U+034F', '4111\u034f1111\u034f1111\u034f1111'],
    ['variation selector U+FE0F', '4\ufe0f1\ufe0f1\ufe0f1\ufe0f1111 1111 1111'],
    ['left-to-right mark U+200E', '4111\u200e1111\u200e1111\u200e1111'],
    ['slashes', '4111/1111/1111/1111'],
    ['underscores', '4111_1111_1111_1111'],
    ['dots', '4111.1111.1111.1111'],
  ])('a card in %s is masked and the text around it kept', (_form, written) => {
    expect(engine.maskText(`card ${written} thanks`).display).toBe('card •••• 1111 thanks');
  });

  it('maps findings back to the original offsets', () => {
    const text = 'ref ⑩ card 𝟒𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 ok';
    const { findings, display } = engine.maskText(text);
    expect(display).toBe('ref ⑩ card •••• 1111 ok');
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['𝟒𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏']);
  });

  it('finds an SSN and a phone number written in circled digits', () => {
    expect(engine.maskText('SSN ①②③-④⑤-⑥⑦⑧⑨').display).toBe('SSN •••• 6789');
    expect(engine.maskText('call (②①③) ③⑦③-④②⑤③').display).toBe('call •••• 4253');
  });

  it('normalises with NFKC only where a character has a compatibility form', () => {
    expect(normalizeForDetection('⑩ ｶｰﾄ ４１１１ plain').text).toBe('10 カート 4111 plain');
    const plain = 'nothing to change here, お客様';
    expect(normalizeForDetection(plain)).toMatchObject({ text: plain, remapped: false });
  });

  it('reads の between digits as the dash it is said for, and leaves it a letter elsewhere', () => {
    expect(normalizeForDetection('５１６８の３１７２ 090の1234の5678 田中の3件').text).toBe('5168-3172 090-1234-5678 田中の3件');
    expect(engine.maskText('番号は４１１１の１１１１の１１１１の１１１１です').display).toBe('番号は•••• 1111です');
    expect(createMaskingEngine(undefined, { locale: 'ja-JP' }).maskText('電話は090の1234の5678です').display).toBe('電話は•••• 5678です');
    expect(engine.maskText('2丁目3の5').display).toBe('2丁目3の5');
  });

  it('composes a half-width kana with its voiced mark, as the word reads (ﾊﾞ is バ)', () => {
    expect(normalizeForDetection('ﾏｲﾅﾝﾊﾞｰ ｶｰﾄﾞ ﾕｳｺｳｷｹﾞﾝ ﾊﾟｽﾜｰﾄﾞ').text).toBe('マイナンバー カード ユウコウキゲン パスワード');
    expect(engine.maskText('ﾏｲﾅﾝﾊﾞｰ 527598961423 です').display).toBe('ﾏｲﾅﾝﾊﾞｰ [My Number] です');
    expect(engine.maskText('ｶｰﾄﾞ 4929108183761692 ﾕｳｺｳｷｹﾞﾝ 10/26').display).toBe('ｶｰﾄﾞ •••• 1692 ﾕｳｺｳｷｹﾞﾝ ••••••••');
  });
});

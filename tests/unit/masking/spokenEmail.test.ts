import { describe, expect, it } from 'vitest';
import { maskAuditText } from '../../../src/core/audit/maskAuditText.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

const engine = createMaskingEngine(undefined, { locale: 'en-US' });
const japanese = createMaskingEngine(undefined, { locale: 'ja-JP' });

describe('e-mail addresses said in words', () => {
  it.each([
    ['a transcript, "dot" and "at"', 'CUSTOMER: my email is k dot patel at hotmail dot co dot uk', 'CUSTOMER: my email is [Email]'],
    ['a name with digits said after it', "CUSTOMER: yeah it's j dot morales seventy seven at gmail dot com", "CUSTOMER: yeah it's [Email]"],
    ['a name spelt letter by letter', "it's j o h n one two three at yahoo dot com", "it's [Email]"],
    ['a curly apostrophe before it', 'it’s j dot morales at gmail dot com.', 'it’s [Email].'],
    ['"underscore" in the local part', 'send it to mary underscore lee at outlook dot com thanks', 'send it to [Email] thanks'],
    ['brackets round "at" and "dot"', 'contact: taro [at] example [dot] jp', 'contact: [Email]'],
    ['"at" said, "dot" in the domain only', 'email me at john.smith at gmail dot com please', 'email me at [Email] please'],
    ['a plain name after a word for e-mail', 'Customer email: sarah at protonmail dot com', 'Customer email: [Email]'],
  ])('%s', (_case, text, display) => {
    expect(engine.maskText(text).display).toBe(display);
  });

  it.each([
    ['katakana, spaced', 'メールは ヤマダ アットマーク ジーメール ドット コム です', 'メールは [Email] です'],
    ['katakana between 、', 'ヤマダ、アットマーク、ジーメール、ドット、コム', '[Email]'],
    ['ASCII words with the kana signs', 'yamada.t アットマーク docomo ドット ne ドット jp', '[Email]'],
    ['half-width kana', 'ﾔﾏﾀﾞ ｱｯﾄﾏｰｸ ｼﾞｰﾒｰﾙ ﾄﾞｯﾄ ｺﾑ', '[Email]'],
  ])('%s', (_case, text, display) => {
    expect(japanese.maskText(text).display).toBe(display);
    expect(japanese.maskText(text).findings.map((f) => f.kind)).toEqual(['email']);
  });

  it.each([
    ['a shop, no address', 'I ordered it at amazon dot com'],
    ['a word after a number is the sentence', 'bought 3 items at amazon dot com'],
    ['a site said out loud', 'meet at home dot com'],
    ['a web address', 'go to www dot example dot com for the form'],
    ['no top-level label', 'see you at the office dot party'],
    ['"at home" in katakana', 'アットホームな雰囲気のドットコム企業'],
    ['a time', 'call me at 5 dot 30 tomorrow'],
  ])('leaves %s alone', (_case, text) => {
    expect(engine.maskText(text).display).toBe(text);
  });

  it('finds an address deep in a long line, and each of two', () => {
    const before = 'and we looked at the account together at length, '.repeat(8);
    const text = `${before}so it's k dot patel at hotmail dot co dot uk, or mary underscore lee at outlook dot com`;
    expect(engine.maskText(text).display).toBe(`${before}so it's [Email], or [Email]`);
  });

  it('keeps addresses out of the audit trail, spelt or not', () => {
    expect(maskAuditText('text', 'note: new email k dot patel at hotmail dot co dot uk')).toBe('note: new email [Email]');
    expect(maskAuditText('text', 'new address is sarah at protonmail dot com')).toBe('new address is [Email]');
    expect(maskAuditText('text', 'yamada アットマーク docomo ドット ne ドット jp')).toBe('[Email]');
  });

  it('is switched off with the e-mail detector', () => {
    const off = createMaskingEngine({ detectors: { email: false } }, { locale: 'en-US' });
    const text = 'my email is k dot patel at hotmail dot co dot uk';
    expect(off.maskText(text).display).toBe(text);
  });
});

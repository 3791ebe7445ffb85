import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../src/core/masking/createMaskingEngine.ts';

// Red-team round 4: digits an agent reads as digits but the detectors did not. Each form is one a
// customer can type (an Arabic, Persian, Hindi or Thai keyboard gives its own digits) or paste
// (a spreadsheet's tab, a decorated or spaced-out number). Test card number only.

const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });
const CARD = '4111 1111 1111 1111';
const inScript = (zero: number, text: string): string => [...text].map((c) => (c >= '0' && c <= '9' ? String.fromCodePoint(zero + Number(c)) : c)).join('');
/** ❶-style runs start at one: the test card has no zero. */
const inCircles = (one: number): string => [...CARD].map((c) => (c >= '1' && c <= '9' ? String.fromCodePoint(one + Number(c) - 1) : c)).join('');
const joined = (separator: string): string => CARD.split(' ').join(separator);
const marked = (mark: string): string => [...CARD.replace(/ /g, '')].map((digit) => digit + mark).join('');

describe('attack: card numbers in digit forms a reader sees as digits', () => {
  it.each([
    ['Arabic-Indic digits', inScript(0x0660, CARD)],
    ['Extended Arabic-Indic (Persian, Urdu) digits', inScript(0x06f0, CARD)],
    ['Devanagari digits', inScript(0x0966, CARD)],
    ['Bengali digits', inScript(0x09e6, CARD)],
    ['Thai digits', inScript(0x0e50, CARD)],
    ['Adlam digits (outside the BMP)', inScript(0x1e950, CARD)],
    ['negative circled digits', inCircles(0x2776)],
    ['sans-serif circled digits', inCircles(0x2780)],
    ['negative sans-serif circled digits', inCircles(0x278a)],
    ['double circled digits', inCircles(0x24f5)],
    ['ASCII and Arabic-Indic mixed', `4111 1111 ${inScript(0x0660, '1111 1111')}`],
    ['a combining low line on every digit', marked('\u0332')],
    ['a combining acute accent on every digit', marked('\u0301')],
    ['an enclosing circle on every digit', marked('\u20dd')],
    ['tabs between the groups', joined('\t')],
    ['line separators (U+2028) between the groups', joined('\u2028')],
    ['Hangul fillers between the groups', joined('\u3164')],
    ['braille blanks between the groups', joined('\u2800')],
    ['invisible tag spaces between the groups', joined('\u{e0020}')],
  ])('masks a card written in %s', (_form, written) => {
    const { display } = engine.maskText(`card ${written} thanks`);
    // A mark on the last digit may stay on the last four shown; it hides nothing.
    expect(display.replace(/\p{M}/gu, '')).toBe('card •••• 1111 thanks');
  });

  it('masks an SSN and a phone number in Arabic-Indic digits', () => {
    expect(engine.maskText(`SSN ${inScript(0x0660, '123-45-6789')}`).display).toBe('SSN •••• 6789');
    expect(engine.maskText(`call ${inScript(0x0660, '(213) 373-4253')}`).display).toBe('call •••• 4253');
  });

  it('keeps Arabic text and short numbers in its own digits as they are', () => {
    const text = `طلب رقم ${inScript(0x0660, '1234')} شكرا`;
    expect(engine.maskText(text).display).toBe(text);
  });
});

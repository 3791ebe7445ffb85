import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../src/core/masking/createMaskingEngine.ts';
import { normalizeForDetection } from '../../src/core/masking/normalizeForDetection.ts';

// Red-team round 4: text that the detectors read in its stored (logical) order but that the
// browser draws in another order. Bidirectional text is drawn by the Unicode Bidirectional
// Algorithm: an override (U+202E) draws the characters after it right to left, and number groups
// between right-to-left letters (Arabic, Hebrew) or after a right-to-left mark are drawn in
// reverse group order. So `1111 1111 1111 4111` after an Arabic word is seen, left to right, as
// the test card 4111 1111 1111 1111 (tests/e2e/attackChat.test.ts proves it in Chromium).

const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });
const digitsShown = (display: string): number => display.replace(/[^0-9]/g, '').length;

describe('attack: a card the browser draws in another order than it is stored', () => {
  it.each([
    ['a right-to-left override', 'card \u202e1111 1111 1111 1114\u202c thanks'],
    ['an override left open to the end', 'card \u202e1111 1111 1111 1114'],
    ['groups between Arabic words', 'رقم البطاقة 1111 1111 1111 4111 شكرا'],
    ['groups between Hebrew words', 'מספר 1111 1111 1111 4111 תודה'],
    ['groups after a right-to-left mark', 'card \u200f1111 1111 1111 4111'],
    ['groups after an Arabic word, in a message of several lines', 'hello\nرقم 1111 1111 1111 4111\nthanks'],
    ['an override in Arabic-Indic digits', `card \u202e${'١١١١ ١١١١ ١١١١ ١١١٤'}`],
  ])('masks it when it is written with %s', (_how, text) => {
    const { display } = engine.maskText(text);
    expect(display).toContain('••••');
    expect(digitsShown(display)).toBeLessThanOrEqual(4);
  });

  it('masks an SSN whose groups an Arabic word reverses (6789-45-123 is drawn 123-45-6789)', () => {
    const { display } = engine.maskText('رقم 6789-45-123');
    expect(digitsShown(display)).toBeLessThanOrEqual(4);
  });

  it('leaves right-to-left text with harmless numbers as it is', () => {
    for (const text of ['طلب رقم 1234 شكرا', 'הזמנה 5678 בתאריך 2026-12-02', 'order \u200f42 items']) {
      expect(engine.maskText(text).display).toBe(text);
    }
  });

  it('still masks a card written in plain order in right-to-left text', () => {
    expect(engine.maskText('رقم 4111 1111 1111 1111').display).toBe('رقم •••• 1111');
  });

  it('reads every value holding a right-to-left character in drawn order too (none counts as plain)', () => {
    // The engine reads a value only in stored order when normalisation calls it plain; every code
    // unit the bidi reading looks for (visualReadings.ts) must therefore make a value not plain.
    const ranges: Array<[number, number]> = [
      [0x0590, 0x08ff],
      [0xfb1d, 0xfdff],
      [0xfe70, 0xfefc],
      [0x200f, 0x200f],
      [0x061c, 0x061c],
      [0x202b, 0x202b],
      [0x202e, 0x202e],
      [0x2067, 0x2067],
      [0xd802, 0xd803],
      [0xd83a, 0xd83b],
    ];
    const plainOnes: string[] = [];
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) if (normalizeForDetection(`card ${String.fromCharCode(code)}1111`).plain) plainOnes.push(code.toString(16));
    }
    expect(plainOnes).toEqual([]);
    expect(normalizeForDetection('card 1111 番号は東京です').plain).toBe(true);
    expect(engine.maskText('card \u202e1111 1111 1111 1114').display).toContain('••••');
  });
});

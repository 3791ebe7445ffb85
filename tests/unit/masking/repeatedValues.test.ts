import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

const engine = createMaskingEngine(undefined, { locale: 'en-US' });

/** From the fifth and sixth independent corpora: a value found once and said again in another grouping. */
describe('a value said again', () => {
  it.each([
    [
      'a phone number read back in words and groups',
      'CUSTOMER: Use 404-873-2188.\nAGENT: Got it — four oh four, 873, 2188.',
      `CUSTOMER: Use •••• 2188.\nAGENT: Got it — ${FULL_MASK}.`,
    ],
    [
      'a birth date read back as the caller said it',
      'お客様：1978年の、2月の28日です。\nオペレーター：1978年2月28日生まれでお間違いございませんか。',
      `お客様：${FULL_MASK}です。\nオペレーター：${FULL_MASK}生まれでお間違いございませんか。`,
    ],
    [
      'a code said again after "sorry"',
      'CUSTOMER: the code is eight four, uh, two nine one three... sorry, eight four two nine one three.',
      `CUSTOMER: the code is ${FULL_MASK}... sorry, ${FULL_MASK}.`,
    ],
  ])('is hidden: %s', (_case, text, display) => {
    expect(engine.maskText(text).display).toBe(display);
  });

  it.each([['part of the value in a longer number', 'card 4111 1111 1111 1111 and order 4111-1111']])('only whole: %s', (_case, text) => {
    const { findings } = engine.maskText(text);
    expect(findings.filter((f) => f.detector.endsWith(':repeated'))).toEqual([]);
  });

  it('wherever its digits are written, a reference glued to them too: they would give it away', () => {
    expect(engine.maskText('phone 404-873-2188, ref AB4048732188').display).not.toContain('4048732188');
  });
});

import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

const engine = createMaskingEngine(undefined, { locale: 'en-US' });

/** From the sixth independent corpus: a number read out over several turns of one transcript. */
describe('a number the caller reads out over several turns', () => {
  it.each([
    [
      'an SSN in three pieces, the agent acknowledging between',
      'CUSTOMER: 619\nAGENT: okay\nCUSTOMER: 87\nAGENT: mm-hm\nCUSTOMER: 8115',
      `CUSTOMER: ${FULL_MASK}\nAGENT: okay\nCUSTOMER: ${FULL_MASK}\nAGENT: mm-hm\nCUSTOMER: ${FULL_MASK}`,
    ],
    [
      'a card after a false start, its first half ending a longer line',
      "CUSTOMER: Sure, it's 4847... hold on. Okay. 4847 0469\nAGENT: Mm-hm.\nCUSTOMER: 2821 7175.\nAGENT: Thank you.",
      `CUSTOMER: Sure, it's 4847... hold on. Okay. ${FULL_MASK}\nAGENT: Mm-hm.\nCUSTOMER: •••• 7175.\nAGENT: Thank you.`,
    ],
    [
      'a card in fours, with a pause inside one',
      'お客様：えっと、3566、\nオペレーター：はい。\nお客様：1818…1687、\nオペレーター：はい、続けてどうぞ。\nお客様：8001です。',
      `お客様：えっと、${FULL_MASK}、\nオペレーター：はい。\nお客様：${FULL_MASK}、\nオペレーター：はい、続けてどうぞ。\nお客様：${FULL_MASK}です。`,
    ],
    [
      'a My Number, its word before the first piece',
      'お客様：マイナンバーですよね、えーと、2623…\nオペレーター：はい。\nお客様：7769…5857です。',
      'お客様：マイナンバーですよね、えーと、[My Number]…\nオペレーター：はい。\nお客様：[My Number]です。',
    ],
    [
      "a card's halves on two lines of the caller's",
      '[10:02:14] お客様：カード番号は 3566 8921\n[10:02:31] お客様：0473 8158 です',
      `[10:02:14] お客様：カード番号は ${FULL_MASK}\n[10:02:31] お客様：•••• 8158 です`,
    ],
  ])('%s', (_case, text, display) => {
    expect(engine.maskText(text).display).toBe(display);
  });

  it.each([
    ['counts over turns', 'CUSTOMER: 2 adults\nAGENT: ok\nCUSTOMER: 3 nights'],
    ['pieces that make no number', 'CUSTOMER: 1234\nAGENT: ok\nCUSTOMER: 5678'],
    ["the agent's digits between", 'CUSTOMER: 619\nAGENT: so that is 2 of 3\nCUSTOMER: 87\nCUSTOMER: 8115'],
    [
      'a long answer between the pieces',
      'CUSTOMER: 619\nAGENT: okay, and while I have you, could you also confirm your mailing address please\nCUSTOMER: 87\nAGENT: ok\nCUSTOMER: 8115',
    ],
  ])('leaves %s alone', (_case, text) => {
    expect(engine.maskText(text).display).toBe(text);
  });

  it('reads SSNs and My Numbers only where the policy has their detectors on', () => {
    const off = createMaskingEngine({ detectors: { ssn: false } }, { locale: 'en-US' });
    const text = 'CUSTOMER: 619\nAGENT: okay\nCUSTOMER: 87\nAGENT: mm-hm\nCUSTOMER: 8115';
    expect(off.maskText(text).display).toBe(text);
  });
});

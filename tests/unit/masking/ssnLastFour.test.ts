import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

const engine = createMaskingEngine(undefined, { locale: 'en-US' });

/** US contact centres verify callers with an SSN's last four (the sixth independent corpus). */
describe("an SSN's last four", () => {
  it.each([
    ['under its words', 'the last four of my social is 6718', `the last four of my social is ${FULL_MASK}`],
    ['short', 'SSN last 4: 4507 verified', `SSN last 4: ${FULL_MASK} verified`],
    [
      'as the answer to the question',
      'AGENT: Could you confirm the last four of your social?\nCUSTOMER: 6718.\nAGENT: And your ZIP?\nCUSTOMER: 02139.',
      `AGENT: Could you confirm the last four of your social?\nCUSTOMER: ${FULL_MASK}.\nAGENT: And your ZIP?\nCUSTOMER: 02139.`,
    ],
  ])('is hidden %s', (_case, text, display) => {
    expect(engine.maskText(text).display).toBe(display);
    expect(engine.maskText(text).findings.map((f) => f.kind)).toEqual(['ssn']);
  });

  it.each([
    ["a card's last four, which may be shown", 'card ending in 4821, last four of the card 4821'],
    ["a phone's", 'last four of your phone 1234'],
    ['a count', 'the last four of my socials were 2021 posts'],
  ])('leaves %s alone', (_case, text) => {
    expect(engine.maskText(text).display).toBe(text);
  });

  it('is switched off with the SSN detector', () => {
    const off = createMaskingEngine({ detectors: { ssn: false } }, { locale: 'en-US' });
    expect(off.maskText('SSN last 4: 4507').display).toBe('SSN last 4: 4507');
  });
});

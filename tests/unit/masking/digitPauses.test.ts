import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';
import { normalizeForDetection } from '../../../src/core/masking/normalizeForDetection.ts';

const engine = createMaskingEngine(undefined, { locale: 'en-US' });

describe('a pause written between the groups of a number', () => {
  it.each([
    ['dots between an SSN read out', 'CUSTOMER: my social is, um, 400... 24... 8570.', 'CUSTOMER: my social is, um, •••• 8570.'],
    [
      'a code said digit by digit with pauses',
      'AGENT: And the three digits on the back of the card?\nCUSTOMER: 4... 0... 6.',
      `AGENT: And the three digits on the back of the card?\nCUSTOMER: ${FULL_MASK}.`,
    ],
    ['a pause among digits said one at a time', 'お客様：届いたコードは、3、8、…1、5、0、7です。', `お客様：届いたコードは、${FULL_MASK}です。`],
  ])('reads %s', (_case, text, display) => {
    expect(engine.maskText(text).display).toBe(display);
  });

  it.each([
    ['a pause after a word', 'wait... 2024 was fine'],
    ['a pause after a unit', 'total 3.5 kg... 2 boxes'],
    ['a range', 'pages 12..30'],
    ['a decimal point', 'pi is 3.14159'],
  ])('leaves %s alone', (_case, text) => {
    expect(engine.maskText(text).display).toBe(text);
  });

  it('maps the number read back to the characters written, pause and all', () => {
    const text = 'ssn 400... 24... 8570';
    const { findings } = engine.maskText(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['400... 24... 8570']);
    // The detectors read a range's two numbers as two groups ("12 30"), which none claims.
    expect(normalizeForDetection('pages 12..30').text).toBe('pages 12 30');
  });
});

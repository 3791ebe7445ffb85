import { describe, expect, it } from 'vitest';
import { HELD_OUT_CLASSES, heldOutCorpus, type HeldOutCase } from '../../../bench/corpus/heldOutCorpus.ts';
import { shellDisplays } from '../../../bench/corpus/corpusDisplays.ts';
import { scoreCases } from '../../../bench/corpus/scoreClassCorpus.ts';
import type { CorpusInput } from '../../../bench/corpus/classCorpus.ts';

/**
 * The held-out split of the faker-built corpus (`bench/corpus/heldOutCorpus.ts`), through the
 * engine the shell builds for the smallest valid policy: what an agent would see. The split was
 * never looked at case by case while the engine was tuned; failures name a class and an index,
 * never a value.
 */
const displays = shellDisplays();
const heldOut = heldOutCorpus().filter((c) => c.split === 'heldOut');

function inputsOf(input: CorpusInput): string[] {
  return input.shape === 'text' ? [input.text] : input.shape === 'messages' ? input.texts : Object.values(input.attributes);
}

function digitsOf(text: string): string {
  return text.normalize('NFKC').replace(/[^0-9]/g, '');
}

/**
 * Kinds the engine leaves visible on purpose (README, Masking): a 13-digit Visa (13-digit JAN
 * barcodes on Japanese receipts pass Luhn as often) and Maestro outside the narrow prefixes the
 * card detector accepts.
 */
function isKnownCardGap(item: HeldOutCase): boolean {
  const digits = item.secret ?? '';
  return item.class === 'card' && ((digits.length === 13 && digits.startsWith('4')) || /^67(?!59|6[1-3])/.test(digits));
}

/** A twelve-digit number written 4-4-4 whose last digit fits the My Number check is masked wherever it stands. */
function isMyNumberShaped(text: string): boolean {
  return /(^|[^0-9])[0-9]{4}[- ][0-9]{4}[- ][0-9]{4}($|[^0-9])/.test(text.normalize('NFKC'));
}

describe('held-out corpus, as the agent sees it', () => {
  for (const heldOutClass of HELD_OUT_CLASSES)
    it(`every ${heldOutClass} in its realistic frame is masked`, ({ annotate }) => {
      const cases = heldOut.filter((c) => c.class === heldOutClass && c.sensitive);
      const missed: number[] = [];
      let gaps = 0;
      cases.forEach((item, i) => {
        const shown = displays(item.input);
        const secret = item.secret ?? '';
        const survives = /^[0-9]+$/.test(secret) ? digitsOf(shown.join('')).includes(secret) : shown.join('\n').includes(secret);
        if (!survives) return;
        if (isKnownCardGap(item)) gaps++;
        else missed.push(i);
      });
      const score = scoreCases(
        heldOut.filter((c) => c.class === heldOutClass),
        displays,
      );
      void annotate(
        `${heldOutClass}: recall ${score.recall.toFixed(3)}, precision ${score.precision.toFixed(3)}, ${String(gaps)} known gaps of ${String(cases.length)}`,
      );
      expect(cases.length).toBeGreaterThanOrEqual(100);
      expect(missed, `${heldOutClass} positives shown (indices)`).toEqual([]);
    });

  it.each(HELD_OUT_CLASSES)('harmless values among the %s cases are shown exactly as written', (heldOutClass) => {
    const cases = heldOut.filter((c) => c.class === heldOutClass && !c.sensitive);
    const altered: number[] = [];
    cases.forEach((item, i) => {
      const before = inputsOf(item.input);
      const shown = displays(item.input);
      shown.forEach((text, j) => {
        const original = before[j] ?? '';
        if (text !== original && !isMyNumberShaped(original)) altered.push(i);
      });
    });
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(altered, `${heldOutClass} negatives altered (indices)`).toEqual([]);
  });
});

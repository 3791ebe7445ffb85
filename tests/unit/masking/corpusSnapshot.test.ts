import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusOutputs, type CorpusOutputs } from '../../../bench/corpus/corpusOutputs.ts';

/**
 * Speed work must not change what an agent sees: every output over the whole recorded corpus
 * (issue 10's class corpus with its held-out split, the labelled corpus, the negatives, random
 * phone-like strings, four 32 KB maps and reveals) is compared with the recorded copy.
 */
describe('outputs over the recorded corpus', () => {
  it('are exactly the recorded ones', () => {
    const recorded = JSON.parse(readFileSync(new URL('../../../bench/corpus/corpusSnapshot.json', import.meta.url), 'utf8')) as CorpusOutputs;
    const now = corpusOutputs();
    expect(Object.keys(now)).toEqual(Object.keys(recorded));
    const changed: string[] = [];
    let compared = 0;
    for (const [key, values] of Object.entries(recorded)) {
      const after = now[key] ?? [];
      expect(after.length, key).toBe(values.length);
      values.forEach((value, i) => {
        compared++;
        if (after[i] !== value) changed.push(`${key} #${String(i)}: ${JSON.stringify(value)} → ${JSON.stringify(after[i])}`);
      });
    }
    expect(compared).toBeGreaterThan(29_000);
    expect({ changed: changed.length, first: changed.slice(0, 20) }).toEqual({ changed: 0, first: [] });
    // About 30 000 outputs: seconds on a loaded machine next to the other test files.
  }, 120_000);
});

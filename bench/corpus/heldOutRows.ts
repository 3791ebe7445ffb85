import type { BenchResult } from '../BenchResult.ts';
import { precisionRecallRows, redactPiiDisplays, shellDisplays } from './corpusDisplays.ts';
import { HELD_OUT_CLASSES, HELD_OUT_SEEDS, heldOutCorpus, type HeldOutClass, type HeldOutSplit } from './heldOutCorpus.ts';
import { scoreCases, type ClassScore, type Displays } from './scoreClassCorpus.ts';

interface HeldOutScore extends ClassScore {
  class: HeldOutClass;
  split: HeldOutSplit;
}

/** Precision and recall per class and split of the faker-built corpus (`heldOutCorpus.ts`). */
export function scoreHeldOut(displays: Displays): HeldOutScore[] {
  const corpus = heldOutCorpus();
  const scores: HeldOutScore[] = [];
  for (const split of ['tuning', 'heldOut'] as const) {
    for (const heldOutClass of HELD_OUT_CLASSES) {
      scores.push({
        class: heldOutClass,
        split,
        ...scoreCases(
          corpus.filter((c) => c.class === heldOutClass && c.split === split),
          displays,
        ),
      });
    }
  }
  return scores;
}

/** Bench rows: the engine against redact-pii on the same strings. */
export function heldOutRows(): BenchResult[] {
  const ours = scoreHeldOut(shellDisplays());
  const base = scoreHeldOut(redactPiiDisplays());
  const rows: BenchResult[] = [];
  ours.forEach((mine, i) => {
    const other = base[i];
    if (other === undefined) return;
    const name = `masking faker ${mine.class}, ${mine.split === 'tuning' ? 'tuning' : 'held out'} (${String(mine.positives)}+${String(mine.negatives)} cases, seed ${String(HELD_OUT_SEEDS[mine.split])})`;
    rows.push(...precisionRecallRows(name, mine, other));
  });
  return rows;
}

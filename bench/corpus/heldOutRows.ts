import { SyncCompositeRedactor } from 'redact-pii/lib/SyncCompositeRedactor.js';
import { maskingEngineForPolicy } from '../../src/core/masking/maskingEngineForPolicy.ts';
import { applyDefaults } from '../../src/core/policy/applyDefaults.ts';
import type { BenchResult } from '../BenchResult.ts';
import { HELD_OUT_CLASSES, HELD_OUT_SEEDS, heldOutCorpus, type HeldOutClass, type HeldOutSplit } from './heldOutCorpus.ts';
import { scoreCases, type ClassScore, type Displays } from './scoreClassCorpus.ts';

/** What the shell shows for a corpus input, with the engine it builds for the smallest valid policy (no dialing.defaultCountry, an en-US browser). */
export function shellDisplays(): Displays {
  const engine = maskingEngineForPolicy(applyDefaults({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' } }), { locale: 'en-US' });
  return (input) =>
    input.shape === 'text'
      ? [engine.maskText(input.text).display]
      : input.shape === 'messages'
        ? engine.maskAdjacentTexts(input.texts).displays
        : engine.maskAttributes(input.attributes).attributes.map((a) => a.display);
}

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
      scores.push({ class: heldOutClass, split, ...scoreCases(corpus.filter((c) => c.class === heldOutClass && c.split === split), displays) });
    }
  }
  return scores;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Bench rows: the engine against redact-pii on the same strings. */
export function heldOutRows(): BenchResult[] {
  const redactor = new SyncCompositeRedactor();
  const theirs: Displays = (input) =>
    (input.shape === 'text' ? [input.text] : input.shape === 'messages' ? input.texts : Object.values(input.attributes)).map((text) => redactor.redact(text));
  const ours = scoreHeldOut(shellDisplays());
  const base = scoreHeldOut(theirs);
  const rows: BenchResult[] = [];
  ours.forEach((mine, i) => {
    const other = base[i];
    if (other === undefined) return;
    const name = `masking faker ${mine.class}, ${mine.split === 'tuning' ? 'tuning' : 'held out'} (${String(mine.positives)}+${String(mine.negatives)} cases, seed ${String(HELD_OUT_SEEDS[mine.split])})`;
    for (const metric of ['precision', 'recall'] as const) {
      rows.push({
        name,
        metric,
        median: round(mine[metric]),
        baselineName: 'redact-pii SyncRedactor',
        baselineMedian: round(other[metric]),
        ...(other[metric] > 0 ? { ratio: round(mine[metric] / other[metric]) } : {}),
        note: 'higher is better',
      });
    }
  });
  return rows;
}

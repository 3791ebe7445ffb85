import { SyncCompositeRedactor } from 'redact-pii/lib/SyncCompositeRedactor.js';
import { maskingEngineForPolicy } from '../../src/core/masking/maskingEngineForPolicy.ts';
import { applyDefaults } from '../../src/core/policy/applyDefaults.ts';
import type { BenchResult } from '../BenchResult.ts';
import type { ClassScore, Displays } from './scoreClassCorpus.ts';

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

/** The baseline: redact-pii's composite redactor on each string of the same input. */
export function redactPiiDisplays(): Displays {
  const redactor = new SyncCompositeRedactor();
  return (input) =>
    (input.shape === 'text' ? [input.text] : input.shape === 'messages' ? input.texts : Object.values(input.attributes)).map((text) => redactor.redact(text));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A precision row and a recall row for one corpus slice, ours against redact-pii's on the same cases. */
export function precisionRecallRows(name: string, mine: ClassScore, base: ClassScore): BenchResult[] {
  return (['precision', 'recall'] as const).map((metric) => ({
    name,
    metric,
    median: round(mine[metric]),
    baselineName: 'redact-pii SyncRedactor',
    baselineMedian: round(base[metric]),
    ...(base[metric] > 0 ? { ratio: round(mine[metric] / base[metric]) } : {}),
    note: 'higher is better',
  }));
}

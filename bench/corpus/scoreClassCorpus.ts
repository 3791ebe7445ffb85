import type { ClassCase, CorpusInput } from './classCorpus.ts';

/** What a masker under test does with one corpus input: the strings it would display, in order. */
export type Displays = (input: CorpusInput) => string[];

export interface ClassScore {
  precision: number;
  recall: number;
  positives: number;
  negatives: number;
}

function inputsOf(input: CorpusInput): string[] {
  if (input.shape === 'text') return [input.text];
  if (input.shape === 'messages') return input.texts;
  return Object.values(input.attributes);
}

/** Digits in any form (full-width, circled, mathematical) as ASCII, everything else dropped. */
function digitsOf(text: string): string {
  return text.normalize('NFKC').replace(/[^0-9]/g, '');
}

/**
 * A positive counts as caught when the output changed and the secret does not survive in it (its
 * digits, in any form and across every output string); a negative counts as a false alarm when any
 * output differs from its input.
 */
export function scoreCases(cases: ReadonlyArray<Pick<ClassCase, 'input' | 'sensitive' | 'secret'>>, displays: Displays): ClassScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let positives = 0;
  for (const item of cases) {
    const before = inputsOf(item.input);
    const after = displays(item.input);
    const changed = after.some((text, i) => text !== before[i]);
    if (!item.sensitive) {
      if (changed) fp++;
      continue;
    }
    positives++;
    const secret = item.secret ?? '';
    const survives = /^[0-9]+$/.test(secret) ? digitsOf(after.join('')).includes(secret) : after.join('\n').includes(secret);
    if (changed && !survives) tp++;
    else fn++;
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    positives,
    negatives: cases.length - positives,
  };
}

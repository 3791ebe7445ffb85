import { findDigitSpans, isGap, type DigitSpan } from './digitSpans.ts';

/**
 * Runs of digit groups such as `4111 1111-1111 1111` or `123-45-6789`, built from the shared
 * digit spans. Detectors for card numbers, SSNs, My Numbers and routing numbers work on these
 * groups instead of on regular expressions, so the scan is linear whatever the input.
 */
export interface DigitGroup {
  start: number;
  /** Exclusive. */
  end: number;
  digits: string;
  /** The separator characters between the previous group of the run and this one ('' for the first). */
  separatorBefore: string;
}

/** Groups that follow each other separated only by short runs of spaces, dashes or dots. */
export type DigitRun = DigitGroup[];

/** Longest separator accepted between two groups (" - " is three). */
const MAX_SEPARATOR = 3;

function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x2d || code === 0x2e;
}

/** `text` must already be normalised (ASCII digits, spaces and dashes); `spans` its digit spans. */
export function scanDigitRuns(text: string, spans: readonly DigitSpan[] = findDigitSpans(text)): DigitRun[] {
  const runs: DigitRun[] = [];
  let run: DigitRun = [];
  let previousEnd = -1;
  for (const { start, end } of spans) {
    const joined = run.length > 0 && isGap(text, previousEnd, start, MAX_SEPARATOR, isSeparator);
    if (run.length > 0 && !joined) {
      runs.push(run);
      run = [];
    }
    run.push({ start, end, digits: text.slice(start, end), separatorBefore: joined ? text.slice(previousEnd, start) : '' });
    previousEnd = end;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Every contiguous slice of a run's groups whose digit count lies in [minDigits, maxDigits],
 * bounded by `maxDigits` so the enumeration stays linear in the run length. Slices are only
 * started at groups `mayStart` accepts: no digits are joined for a start that cannot match.
 */
export function* groupWindows(
  run: DigitRun,
  minDigits: number,
  maxDigits: number,
  mayStart: (group: DigitGroup) => boolean = () => true,
): Generator<{ from: number; to: number; digits: string }> {
  for (let from = 0; from < run.length; from++) {
    const start = run[from];
    if (!start || !mayStart(start)) continue;
    let digits = '';
    for (let to = from; to < run.length; to++) {
      const group = run[to];
      if (!group) break;
      digits += group.digits;
      if (digits.length > maxDigits) break;
      if (digits.length >= minDigits) yield { from, to, digits };
    }
  }
}

/** Memoised digit spans and runs for one text, so the number detectors scan it once. */
export function lazyDigitScans(text: string): { digitSpans: () => DigitSpan[]; digitRuns: () => DigitRun[] } {
  let spans: DigitSpan[] | null = null;
  let runs: DigitRun[] | null = null;
  const digitSpans = (): DigitSpan[] => (spans ??= findDigitSpans(text));
  return { digitSpans, digitRuns: () => (runs ??= scanDigitRuns(text, digitSpans())) };
}

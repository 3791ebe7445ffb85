/**
 * One hand-written pass over a text that finds runs of digit groups such as `4111 1111-1111 1111`
 * or `123-45-6789`. Detectors for card numbers, SSNs, My Numbers and routing numbers work on these
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

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x2d || code === 0x2e;
}

/** `text` must already be normalised (ASCII digits, spaces and dashes). */
export function scanDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let run: DigitRun = [];
  let i = 0;
  let pendingSeparator = '';
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      const start = i;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      run.push({ start, end: i, digits: text.slice(start, i), separatorBefore: run.length === 0 ? '' : pendingSeparator });
      pendingSeparator = '';
      // Look ahead over a short separator; the run continues only if a digit follows it.
      let j = i;
      while (j < text.length && j - i < MAX_SEPARATOR && isSeparator(text.charCodeAt(j))) j++;
      if (j > i && j < text.length && isDigit(text.charCodeAt(j))) {
        pendingSeparator = text.slice(i, j);
        i = j;
        continue;
      }
      runs.push(run);
      run = [];
      continue;
    }
    i++;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Every contiguous slice of a run's groups whose digit count lies in [minDigits, maxDigits],
 * bounded by `maxDigits` so the enumeration stays linear in the run length.
 */
export function* groupWindows(run: DigitRun, minDigits: number, maxDigits: number): Generator<{ from: number; to: number; digits: string }> {
  for (let from = 0; from < run.length; from++) {
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

/** A memoised `scanDigitRuns` for one text, so the four number detectors scan it once. */
export function lazyDigitRuns(text: string): () => DigitRun[] {
  let runs: DigitRun[] | null = null;
  return () => (runs ??= scanDigitRuns(text));
}

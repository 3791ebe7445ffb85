import { findDigitSpans, type DigitSpan } from './digitSpans.ts';

/**
 * Runs of digit groups such as `4111 1111-1111 1111` or `123-45-6789`, built from the shared
 * digit spans. Detectors for card numbers, SSNs, My Numbers and routing numbers work on these
 * groups instead of on regular expressions, so the scan is linear whatever the input.
 */
export interface DigitGroup {
  start: number;
  /** Exclusive. */
  end: number;
  /** How many digits: `end - start`. */
  size: number;
  /** The digits themselves, sliced from the text only when a detector asks. */
  readonly digits: string;
  /** The separator characters between the previous group of the run and this one ('' for the first). */
  readonly separatorBefore: string;
  /**
   * Joined to the previous group across a line break (or the boundary between two adjacent texts):
   * a number may be broken there, but the groups on either side are not one written sequence.
   */
  lineBreakBefore: boolean;
  /** A letter touches the group ("Promotion2024", "4474and"): as a neighbour it belongs to that word. */
  gluedToWord: boolean;
}

/**
 * Groups that follow each other separated only by short runs of spaces, dashes or dots, by a single
 * slash or underscore, or by one line break.
 */
export type DigitRun = DigitGroup[];

/** Longest separator accepted between two groups (" - " is three). */
const MAX_SEPARATOR = 3;
/** Longest gap around one line break (" \r\n " is four). */
const MAX_LINE_BREAK_GAP = 4;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSeparator(code: number): boolean {
  // A tab too: a number pasted from a spreadsheet keeps one between its groups.
  return code === 0x20 || code === 0x2d || code === 0x2e || code === 0x09;
}

/** 1 to `MAX_SEPARATOR` spaces, dashes or dots between two groups (its own loop: a shared one taking the test as an argument cannot be inlined). */
function isSeparatorGap(text: string, from: number, to: number): boolean {
  if (to - from > MAX_SEPARATOR) return false;
  for (let i = from; i < to; i++) if (!isSeparator(text.charCodeAt(i))) return false;
  return true;
}

/** `4111/1111/…` and `4111_1111_…`: a slash or underscore joins groups only on its own (" / " separates two values). */
function isSoleSlashOrUnderscore(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const code = text.charCodeAt(from);
  return code === 0x2f || code === 0x5f;
}

/** Spaces and tabs around exactly one line break (\n, \r\n or \r). */
function isLineBreakGap(text: string, from: number, to: number): boolean {
  if (to - from > MAX_LINE_BREAK_GAP || to <= from) return false;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      if (!(i > from && text.charCodeAt(i - 1) === 0x0d)) breaks++;
    } else if (code === 0x0d) breaks++;
    else if (code !== 0x20 && code !== 0x09) return false;
  }
  return breaks === 1;
}

/** True when the groups `from`…`to` all have `size` digits (true for an empty range). */
function uniform(run: DigitRun, from: number, to: number, size: number): boolean {
  for (let i = from; i <= to; i++) if (run[i]?.size !== size) return false;
  return true;
}

/**
 * A neighbouring group belongs to another token when a letter touches it ("Promotion2024") or it is
 * joined onwards by another separator than the one that joins it to the match ("INV-2024-11-0042"
 * before a space-separated card number).
 */
function belongsElsewhere(neighbour: DigitGroup, towardsMatch: string, onwards: string): boolean {
  return neighbour.gluedToWord || (onwards !== '' && onwards !== towardsMatch);
}

/**
 * True when a match over the groups `from`…`to` of a run stands for the whole written sequence it
 * sits in, so that a detector may claim it: nothing is joined to it on either side except across
 * a line break. A match in its kind's own grouping (`hasOwnFormat`: 4-4-4-4 for a card, 3-2-4 for
 * an SSN) also stands alone when the groups joined to it do not continue that grouping, as in
 * "qty 2 4111 1111 1111 1111"; four-digit groups on either side ("1234 4111 1111 1111 1111") make
 * it a window of a longer number, which is not claimed, and so does a group glued on without a
 * space ("123-45-6789-0", "4111-1111-1111-1111-2"): that is one token.
 */
export function standsAlone(run: DigitRun, from: number, to: number, hasOwnFormat: boolean): boolean {
  const first = run[from];
  const last = run[to];
  if (first === undefined || last === undefined) return false;
  const previous = from > 0 && !first.lineBreakBefore ? run[from - 1] : undefined;
  const before =
    previous !== undefined && !belongsElsewhere(previous, first.separatorBefore, run[from - 2] === undefined ? '' : previous.separatorBefore)
      ? previous
      : undefined;
  const next = run[to + 1];
  const afterNext = run[to + 2];
  const after =
    next !== undefined &&
    !next.lineBreakBefore &&
    !belongsElsewhere(next, next.separatorBefore, afterNext === undefined || afterNext.lineBreakBefore ? '' : afterNext.separatorBefore)
      ? next
      : undefined;
  if (before === undefined && after === undefined) return true;
  if (!hasOwnFormat) return false;
  if (before !== undefined && !first.separatorBefore.includes(' ')) return false;
  if (after !== undefined && next !== undefined && !next.separatorBefore.includes(' ')) return false;
  // A single group is its own format whatever is next to it: two numbers side by side.
  if (from === to) return true;
  // Continuing the grouping: a four before "4111 1111 1111 1111" or after "1234 5678 9012"; not a
  // four before Amex's 4-6-5, which no longer reads as one sequence of fours.
  if (before !== undefined && uniform(run, from, to - 1, first.size) && before.size === first.size) return false;
  if (after !== undefined && uniform(run, from, to, last.size) && after.size === last.size) return false;
  return true;
}

/** A group as scanned: the digit string is cut from the text on first use (most groups are never read as a string). */
class ScannedGroup implements DigitGroup {
  readonly size: number;
  private sliced: string | null = null;
  private separator: string | null = null;

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
    /** Where the separator before the group starts (`start` when there is none). */
    private readonly separatorStart: number,
    readonly lineBreakBefore: boolean,
    readonly gluedToWord: boolean,
  ) {
    this.size = end - start;
  }

  get digits(): string {
    this.sliced ??= this.text.slice(this.start, this.end);
    return this.sliced;
  }

  /** Cut on first use too: only windows that passed their checks ask (`standsAlone`, an SSN's 3-2-4). */
  get separatorBefore(): string {
    this.separator ??= this.text.slice(this.separatorStart, this.start);
    return this.separator;
  }
}

/** How each span is joined to the one before it: 0 starts a run, 1 by separators, 2 across a line break. Reused by every call (never re-entered). */
const joins: number[] = [];

/** The groups of spans[from, to), one run, now that it is known to be long enough to matter. */
function materializeRun(text: string, spans: readonly DigitSpan[], from: number, to: number): DigitRun {
  const run: DigitRun = [];
  for (let k = from; k < to; k++) {
    const span = spans[k];
    if (span === undefined) break;
    const join = k > from ? (joins[k] ?? 0) : 0;
    const previousEnd = spans[k - 1]?.end ?? 0;
    const { start, end } = span;
    run.push(
      new ScannedGroup(
        text,
        start,
        end,
        join !== 0 ? previousEnd : start,
        join === 2,
        isAsciiLetter(text.charCodeAt(start - 1)) || isAsciiLetter(text.charCodeAt(end)),
      ),
    );
  }
  return run;
}

/**
 * `text` must already be normalised (ASCII digits, spaces and dashes); `spans` its digit spans.
 * Only runs of at least `minDigits` digits are returned: the groups of shorter ones (dates,
 * amounts, postal codes, for detectors that need 9 digits or more) are never built.
 */
export function scanDigitRuns(text: string, spans: readonly DigitSpan[] = findDigitSpans(text), minDigits = 1): DigitRun[] {
  const runs: DigitRun[] = [];
  let first = 0;
  let digits = 0;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    if (span === undefined) break;
    let join = 0;
    if (k > first) {
      const previousEnd = spans[k - 1]?.end ?? 0;
      if (isSeparatorGap(text, previousEnd, span.start) || isSoleSlashOrUnderscore(text, previousEnd, span.start)) join = 1;
      else if (isLineBreakGap(text, previousEnd, span.start)) join = 2;
      if (join === 0) {
        if (digits >= minDigits) runs.push(materializeRun(text, spans, first, k));
        first = k;
        digits = 0;
      }
    }
    joins[k] = join;
    digits += span.end - span.start;
  }
  if (spans.length > first && digits >= minDigits) runs.push(materializeRun(text, spans, first, spans.length));
  return runs;
}

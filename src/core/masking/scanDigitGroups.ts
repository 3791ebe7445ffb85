import type { DigitSpan } from './digitSpans.ts';

/**
 * Runs of digit groups such as `4111 1111-1111 1111` or `123-45-6789`, built from the shared
 * digit spans. Detectors for card numbers, SSNs, My Numbers and routing numbers work on these
 * groups instead of on regular expressions, so the scan is linear whatever the input.
 *
 * The groups of a value are offsets in typed arrays, not objects: group `g` of the table is
 * `text[start[g], end[g])`, and a run is the groups `[first, end)` of the table. The separator in
 * front of a group is a number (`separator[g]`), equal for two groups exactly when their separator
 * strings are equal, so that no string is cut for a group that is never claimed. The table is
 * shared by every call (a value's walk finishes before the next value is read), so it is valid
 * only until the next `scanDigitRuns`.
 */
export interface DigitGroups {
  readonly text: string;
  readonly start: Int32Array;
  /** Exclusive. */
  readonly end: Int32Array;
  /**
   * The separator characters between the previous group of the run and this one, encoded one
   * character a hexadecimal digit (0 for the first group of a run): see `SEPARATOR_CODES`.
   */
  readonly separator: Int32Array;
  /** `LINE_BREAK_BEFORE`, `GLUED_TO_WORD` and `SPACE_BEFORE` bits. */
  readonly flags: Uint8Array;
  /** Where each run starts in the table, in text order; run `r` is `[runStart[r], runStart[r + 1])`. */
  readonly runStart: Int32Array;
  /** How many runs (the last entry of `runStart` in use is `runStart[runs]`, the end of the last run). */
  runs: number;
}

/**
 * Joined to the previous group across a line break (or the boundary between two adjacent texts):
 * a number may be broken there, but the groups on either side are not one written sequence.
 */
const LINE_BREAK_BEFORE = 1;
/** A letter touches the group ("Promotion2024", "4474and"): as a neighbour it belongs to that word. */
const GLUED_TO_WORD = 2;
/** The separator before the group holds a space. */
const SPACE_BEFORE = 4;

/** A single space and a single dash as separator codes (what an SSN's 3-2-4 accepts). */
export const SEPARATOR_SPACE = 1;
export const SEPARATOR_DASH = 2;

/** Longest separator accepted between two groups (" - " is three). */
const MAX_SEPARATOR = 3;
/** Longest gap around one line break (" \r\n " is four). */
const MAX_LINE_BREAK_GAP = 4;

/**
 * One hexadecimal digit per separator character, 0 for a character that never separates: at most
 * four characters, so a code fits in 16 bits and two codes are equal exactly when the strings are.
 */
const SEPARATOR_CODES = new Uint8Array(128);
SEPARATOR_CODES[0x20] = 1; // space
SEPARATOR_CODES[0x2d] = 2; // -
SEPARATOR_CODES[0x2e] = 3; // .
SEPARATOR_CODES[0x2f] = 4; // /
SEPARATOR_CODES[0x5f] = 5; // _
SEPARATOR_CODES[0x09] = 6; // tab
SEPARATOR_CODES[0x0d] = 7; // \r
SEPARATOR_CODES[0x0a] = 8; // \n

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** No join: the group starts a new run. */
const APART = 0;
/** Joined by 1 to `MAX_SEPARATOR` spaces, dashes, dots or tabs, or by a sole slash or underscore. */
const SEPARATED = 1;
/** Joined by spaces and tabs around exactly one line break (\n, \r\n or \r). */
const ACROSS_LINE_BREAK = 2;

/**
 * How `text[from, to)` joins two groups. `4111/1111/…` and `4111_1111_…`: a slash or underscore
 * joins only on its own (" / " separates two values).
 */
function joinOf(text: string, from: number, to: number): number {
  const gap = to - from;
  if (gap <= 0 || gap > MAX_LINE_BREAK_GAP) return APART;
  const first = text.charCodeAt(from);
  if (gap === 1 && (first === 0x2f || first === 0x5f)) return SEPARATED;
  let separators = true;
  let breaks = 0;
  let blanks = true;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // A tab too: a number pasted from a spreadsheet keeps one between its groups.
    if (code !== 0x20 && code !== 0x2d && code !== 0x2e && code !== 0x09) separators = false;
    if (code === 0x0a) {
      if (!(i > from && text.charCodeAt(i - 1) === 0x0d)) breaks++;
    } else if (code === 0x0d) breaks++;
    else if (code !== 0x20 && code !== 0x09) blanks = false;
    if (!separators && !blanks) return APART;
  }
  if (separators && gap <= MAX_SEPARATOR) return SEPARATED;
  return blanks && breaks === 1 ? ACROSS_LINE_BREAK : APART;
}

/** How many digits group `g` has. */
export function groupSize(groups: DigitGroups, g: number): number {
  return (groups.end[g] ?? 0) - (groups.start[g] ?? 0);
}

/** True when the groups `from`…`to` all have `size` digits (true for an empty range). */
function uniform(groups: DigitGroups, from: number, to: number, size: number): boolean {
  const { start, end } = groups;
  for (let g = from; g <= to; g++) if ((end[g] ?? 0) - (start[g] ?? 0) !== size) return false;
  return true;
}

/**
 * A neighbouring group belongs to another token when a letter touches it ("Promotion2024") or it is
 * joined onwards by another separator than the one that joins it to the match ("INV-2024-11-0042"
 * before a space-separated card number).
 */
function belongsElsewhere(groups: DigitGroups, neighbour: number, towardsMatch: number, onwards: number): boolean {
  return ((groups.flags[neighbour] ?? 0) & GLUED_TO_WORD) !== 0 || (onwards !== 0 && onwards !== towardsMatch);
}

/**
 * True when a match over the groups `from`…`to` of the run `[runFirst, runEnd)` stands for the whole
 * written sequence it sits in, so that a detector may claim it: nothing is joined to it on either
 * side except across a line break. A match in its kind's own grouping (`hasOwnFormat`: 4-4-4-4 for
 * a card, 3-2-4 for an SSN) also stands alone when the groups joined to it do not continue that
 * grouping, as in "qty 2 4111 1111 1111 1111"; four-digit groups on either side ("1234 4111 1111
 * 1111 1111") make it a window of a longer number, which is not claimed, and so does a group glued
 * on without a space ("123-45-6789-0", "4111-1111-1111-1111-2"): that is one token.
 */
export function standsAlone(groups: DigitGroups, runFirst: number, runEnd: number, from: number, to: number, hasOwnFormat: boolean): boolean {
  const { start, end, separator, flags } = groups;
  const fromFlags = flags[from] ?? 0;
  let before = -1;
  if (from > runFirst && (fromFlags & LINE_BREAK_BEFORE) === 0) {
    const previous = from - 1;
    if (!belongsElsewhere(groups, previous, separator[from] ?? 0, separator[previous] ?? 0)) before = previous;
  }
  let after = -1;
  const next = to + 1;
  if (next < runEnd && ((flags[next] ?? 0) & LINE_BREAK_BEFORE) === 0) {
    const afterNext = to + 2;
    const onwards = afterNext < runEnd && ((flags[afterNext] ?? 0) & LINE_BREAK_BEFORE) === 0 ? (separator[afterNext] ?? 0) : 0;
    if (!belongsElsewhere(groups, next, separator[next] ?? 0, onwards)) after = next;
  }
  if (before < 0 && after < 0) return true;
  if (!hasOwnFormat) return false;
  if (before >= 0 && (fromFlags & SPACE_BEFORE) === 0) return false;
  if (after >= 0 && ((flags[next] ?? 0) & SPACE_BEFORE) === 0) return false;
  // A single group is its own format whatever is next to it: two numbers side by side.
  if (from === to) return true;
  // Continuing the grouping: a four before "4111 1111 1111 1111" or after "1234 5678 9012"; not a
  // four before Amex's 4-6-5, which no longer reads as one sequence of fours.
  const firstSize = (end[from] ?? 0) - (start[from] ?? 0);
  if (before >= 0 && uniform(groups, from, to - 1, firstSize) && (end[before] ?? 0) - (start[before] ?? 0) === firstSize) return false;
  const lastSize = (end[to] ?? 0) - (start[to] ?? 0);
  if (after >= 0 && uniform(groups, from, to, lastSize) && (end[after] ?? 0) - (start[after] ?? 0) === lastSize) return false;
  return true;
}

/** The one table every call fills (never re-entered: a walk finishes before the next value is scanned), grown when a value has more groups. */
class SharedTable implements DigitGroups {
  text = '';
  start = new Int32Array(64);
  end = new Int32Array(64);
  separator = new Int32Array(64);
  flags = new Uint8Array(64);
  runStart = new Int32Array(65);
  /** How each span is joined to the one before it (`APART`, `SEPARATED`, `ACROSS_LINE_BREAK`). */
  joins = new Uint8Array(64);
  runs = 0;

  reset(text: string, groups: number): void {
    this.text = text;
    this.runs = 0;
    if (this.start.length >= groups) return;
    const size = Math.max(groups, this.start.length * 2);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.separator = new Int32Array(size);
    this.flags = new Uint8Array(size);
    this.runStart = new Int32Array(size + 1);
    this.joins = new Uint8Array(size);
  }
}
const table = new SharedTable();

/**
 * `text` must already be normalised (ASCII digits, spaces and dashes); `spans` its digit spans.
 * Only runs of at least `minDigits` digits are entered in the table: the groups of shorter ones
 * (dates, amounts, postal codes, for detectors that need 9 digits or more) are skipped.
 */
export function scanDigitRuns(text: string, spans: readonly DigitSpan[], minDigits = 1): DigitGroups {
  table.reset(text, spans.length);
  const { start, end, separator, flags, runStart, joins } = table;
  let filled = 0;
  let runs = 0;
  let first = 0;
  let digits = 0;
  // Spans [first, k) are the run being read; entered in the table when it ends with enough digits.
  for (let k = 0; k <= spans.length; k++) {
    const span = spans[k];
    let join = APART;
    if (span !== undefined && k > first) join = joinOf(text, spans[k - 1]?.end ?? 0, span.start);
    if (span === undefined || (join === APART && k > first)) {
      if (digits >= minDigits) {
        runStart[runs++] = filled;
        for (let s = first; s < k; s++) {
          const group = spans[s];
          if (group === undefined) break;
          const gStart = group.start;
          const gEnd = group.end;
          start[filled] = gStart;
          end[filled] = gEnd;
          let bits = isAsciiLetter(text.charCodeAt(gStart - 1)) || isAsciiLetter(text.charCodeAt(gEnd)) ? GLUED_TO_WORD : 0;
          let code = 0;
          if (s > first) {
            if (joins[s] === ACROSS_LINE_BREAK) bits |= LINE_BREAK_BEFORE;
            for (let i = spans[s - 1]?.end ?? 0; i < gStart; i++) {
              const char = text.charCodeAt(i);
              if (char === 0x20) bits |= SPACE_BEFORE;
              code = code * 16 + (SEPARATOR_CODES[char] ?? 0);
            }
          }
          separator[filled] = code;
          flags[filled] = bits;
          filled++;
        }
      }
      if (span === undefined) break;
      first = k;
      digits = 0;
    }
    joins[k] = join;
    digits += span.end - span.start;
  }
  runStart[runs] = filled;
  table.runs = runs;
  return table;
}

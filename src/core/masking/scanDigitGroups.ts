import type { DigitSpan } from './digitSpans.ts';

/**
 * Runs of digit groups such as `4111 1111-1111 1111` or `123-45-6789`, built from the shared
 * digit spans. Detectors for card numbers, SSNs, My Numbers and routing numbers work on these
 * groups instead of on regular expressions, so the scan is linear whatever the input.
 *
 * The groups of a value are offsets in typed arrays, not objects: group `g` of the table is
 * `text[start[g], end[g])`, and a run is the groups `[runStart[r], runStart[r + 1])` of the table.
 * Only what every check needs is filled in; the separator in front of a group (`separatorBefore`,
 * a number equal for two groups exactly when their separator strings are equal) and whether a
 * letter touches it (`gluedToWord`) are read from the text when a candidate that passed its
 * checksum asks. The table is shared by every call (a value's walk finishes before the next value
 * is read), so it is valid only until the next `scanDigitRuns` or `releaseDigitRuns`.
 */
export interface DigitGroups {
  readonly text: string;
  readonly start: Int32Array;
  /** Exclusive. */
  readonly end: Int32Array;
  /**
   * 1 when the group is joined to the previous group of its run across a line break (or the
   * boundary between two adjacent texts): a number may be broken there, but the groups on either
   * side are not one written sequence.
   */
  readonly lineBreakBefore: Uint8Array;
  /** Where each run starts in the table, in text order; run `r` is `[runStart[r], runStart[r + 1])`. */
  readonly runStart: Int32Array;
  /** How many runs (the last entry of `runStart` in use is `runStart[runs]`, the end of the last run). */
  readonly runs: number;
}

/** A single space and a single dash as separator codes (what an SSN's 3-2-4 accepts). */
export const SEPARATOR_SPACE = 1;
export const SEPARATOR_DASH = 2;

/** Longest separator accepted between two groups (" - " is three). */
const MAX_SEPARATOR = 3;
/** Longest gap around a line break or a blank line (" \r\n\r\n " is six). */
const MAX_LINE_BREAK_GAP = 6;
/** A number may be broken over a blank line too: two line breaks, a paragraph of Markdown. */
const MAX_LINE_BREAKS = 2;

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
SEPARATOR_CODES[0x2c] = 9; // , (a full-width comma is folded to it)
/** 、 between groups, as Japanese lists write it; beyond the ASCII table. */
const IDEOGRAPHIC_COMMA = 0x3001;
/** The separator code of a comma (`separatorBefore`). */
const SEPARATOR_COMMA = 9;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** No join: the group starts a new run. */
const APART = 0;
/** Joined by 1 to `MAX_SEPARATOR` spaces, dashes, dots or tabs, or by a sole slash or underscore. */
const SEPARATED = 1;
/** Joined by spaces and tabs around one line break (\n, \r\n or \r) or a blank line (two). */
const ACROSS_LINE_BREAK = 2;
/**
 * Joined by a comma (`,` or `、`, alone or with one space after it) before a group of four digits or more, or before the last
 * group of the sequence: `4111,1111,1111,1111`, `6203,1310,2664,3015,127`.
 * Commas also write amounts (`1,234,567`: groups of three, never joined) and lists (`1204,1305`),
 * so a run joined by a comma is kept whole only when it is grouped as a card or a My Number is
 * printed (the My Number detector then asks for a context word); otherwise it is split at its commas.
 */
const COMMA = 3;

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A character that may join two digit groups (space, dash, dot, slash, underscore, comma). */
function mayJoin(code: number): boolean {
  return (code < 128 && (SEPARATOR_CODES[code] ?? 0) !== 0) || code === IDEOGRAPHIC_COMMA;
}

/**
 * How `text[from, to)`, a comma alone or with one space after it, joins the group starting at `to`
 * to the one before it: `COMMA` before a group of four digits or more, or before the last group of
 * the sequence (a 19-digit card's `,127`, Diners' `,44`); a shorter group that another group follows
 * (`,12/27`, `1,234,567`) is an expiry, a quantity or thousands: `APART`.
 */
function commaJoin(text: string, from: number, to: number): number {
  const first = text.charCodeAt(from);
  if (first !== 0x2c && first !== IDEOGRAPHIC_COMMA) return APART;
  const gap = to - from;
  if (gap !== 1 && !(gap === 2 && text.charCodeAt(from + 1) === 0x20)) return APART;
  let digits = 0;
  while (digits < 4 && isDigitCode(text.charCodeAt(to + digits))) digits++;
  if (digits >= 4) return COMMA;
  const after = to + digits;
  return mayJoin(text.charCodeAt(after)) && isDigitCode(text.charCodeAt(after + 1)) ? APART : COMMA;
}

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
    // A comma ends the loop at its first character: tested only there, off the common path.
    if (!separators && !blanks) return i === from ? commaJoin(text, from, to) : APART;
  }
  if (separators && gap <= MAX_SEPARATOR) return SEPARATED;
  return blanks && breaks >= 1 && breaks <= MAX_LINE_BREAKS ? ACROSS_LINE_BREAK : APART;
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
 * The separator between group `g` and the previous group of its run (`g` is not the run's first),
 * one `SEPARATOR_CODES` digit per character.
 */
export function separatorBefore(groups: DigitGroups, g: number): number {
  const { text } = groups;
  const to = groups.start[g] ?? 0;
  let code = 0;
  for (let i = groups.end[g - 1] ?? 0; i < to; i++) {
    const char = text.charCodeAt(i);
    code = code * 16 + (char === IDEOGRAPHIC_COMMA ? SEPARATOR_COMMA : (SEPARATOR_CODES[char] ?? 0));
  }
  return code;
}

/** True when group `g` is joined to the previous group of its run by a comma (with or without a space). */
export function joinedByComma(groups: DigitGroups, g: number): boolean {
  for (let rest = separatorBefore(groups, g); rest > 0; rest >>= 4) if ((rest & 15) === SEPARATOR_COMMA) return true;
  return false;
}

/** True when the separator code holds a space or a comma (one of its hexadecimal digits). */
function holdsSpace(code: number): boolean {
  // A comma parts two numbers at least as clearly as a space does.
  for (let rest = code; rest > 0; rest >>= 4) if ((rest & 15) === SEPARATOR_SPACE || (rest & 15) === SEPARATOR_COMMA) return true;
  return false;
}

/** A letter touches group `g` ("Promotion2024", "4474and"): as a neighbour it belongs to that word. */
function gluedToWord(groups: DigitGroups, g: number): boolean {
  const { text } = groups;
  return isAsciiLetter(text.charCodeAt((groups.start[g] ?? 0) - 1)) || isAsciiLetter(text.charCodeAt(groups.end[g] ?? 0));
}

/**
 * A neighbouring group belongs to another token when a letter touches it ("Promotion2024") or it is
 * joined onwards by another separator than the one that joins it to the match ("INV-2024-11-0042"
 * before a space-separated card number).
 */
function belongsElsewhere(groups: DigitGroups, neighbour: number, towardsMatch: number, onwards: number): boolean {
  return gluedToWord(groups, neighbour) || (onwards !== 0 && onwards !== towardsMatch);
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
  const { lineBreakBefore } = groups;
  let before = -1;
  let intoMatch = 0;
  if (from > runFirst && lineBreakBefore[from] !== 1) {
    const previous = from - 1;
    intoMatch = separatorBefore(groups, from);
    if (!belongsElsewhere(groups, previous, intoMatch, previous > runFirst ? separatorBefore(groups, previous) : 0)) before = previous;
  }
  let after = -1;
  let outOfMatch = 0;
  const next = to + 1;
  if (next < runEnd && lineBreakBefore[next] !== 1) {
    const afterNext = to + 2;
    outOfMatch = separatorBefore(groups, next);
    const onwards = afterNext < runEnd && lineBreakBefore[afterNext] !== 1 ? separatorBefore(groups, afterNext) : 0;
    if (!belongsElsewhere(groups, next, outOfMatch, onwards)) after = next;
  }
  if (before < 0 && after < 0) return true;
  if (!hasOwnFormat) return false;
  if (before >= 0 && !holdsSpace(intoMatch)) return false;
  if (after >= 0 && !holdsSpace(outOfMatch)) return false;
  // A single group is its own format whatever is next to it: two numbers side by side.
  if (from === to) return true;
  // Continuing the grouping: a four before "4111 1111 1111 1111" or after "1234 5678 9012"; not a
  // four before Amex's 4-6-5, which no longer reads as one sequence of fours.
  const firstSize = groupSize(groups, from);
  if (before >= 0 && uniform(groups, from, to - 1, firstSize) && groupSize(groups, before) === firstSize) return false;
  const lastSize = groupSize(groups, to);
  if (after >= 0 && uniform(groups, from, to, lastSize) && groupSize(groups, after) === lastSize) return false;
  return true;
}

/** The one table every call fills (never re-entered: a walk finishes before the next value is scanned), grown when a value has more groups. */
class SharedTable implements DigitGroups {
  text = '';
  start = new Int32Array(64);
  end = new Int32Array(64);
  lineBreakBefore = new Uint8Array(64);
  runStart = new Int32Array(65);
  /** How each span of the value is joined to the one before it (`APART`, `SEPARATED`, `ACROSS_LINE_BREAK`). */
  joins = new Uint8Array(64);
  runs = 0;

  reset(text: string, groups: number): void {
    this.text = text;
    this.runs = 0;
    if (this.start.length >= groups) return;
    const size = Math.max(groups, this.start.length * 2);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.lineBreakBefore = new Uint8Array(size);
    this.runStart = new Int32Array(size + 1);
    this.joins = new Uint8Array(size);
  }
}
const table = new SharedTable();

/** Lets go of the text the table was filled from once the walk is done: no value stays in memory after a call (offsets are no value). */
export function releaseDigitRuns(): void {
  table.text = '';
}

/**
 * `text` must already be normalised (ASCII digits, spaces and dashes); `spans` its digit spans.
 * Only runs of at least `minDigits` digits are entered in the table: the groups of shorter ones
 * (dates, amounts, postal codes, for detectors that need 9 digits or more) are skipped.
 */
export function scanDigitRuns(text: string, spans: readonly DigitSpan[], minDigits = 1): DigitGroups {
  table.reset(text, spans.length);
  const { start, end, lineBreakBefore, runStart, joins } = table;
  let filled = 0;
  let runs = 0;
  let first = 0;
  let digits = 0;
  let commas = false;
  let previousEnd = 0;
  // Spans [first, k) are the run being read; entered in the table when it ends with enough digits.
  for (let k = 0; k <= spans.length; k++) {
    const span = spans[k];
    const join = span !== undefined && k > first ? joinOf(text, previousEnd, span.start) : APART;
    if (span === undefined || (join === APART && k > first)) {
      if (commas) {
        // Rare (a comma before four digits): out of line, so the common loop keeps its locals in registers.
        table.runs = runs;
        filled = enterCommaRun(spans, first, k, minDigits, filled);
        runs = table.runs;
      } else if (digits >= minDigits) {
        runStart[runs++] = filled;
        for (let s = first; s < k; s++) {
          const group = spans[s];
          if (group === undefined) break;
          start[filled] = group.start;
          end[filled] = group.end;
          lineBreakBefore[filled] = s > first && joins[s] === ACROSS_LINE_BREAK ? 1 : 0;
          filled++;
        }
      }
      if (span === undefined) break;
      first = k;
      digits = 0;
      commas = false;
    }
    joins[k] = join;
    if (join === COMMA) commas = true;
    digits += span.end - span.start;
    previousEnd = span.end;
  }
  runStart[runs] = filled;
  table.runs = runs;
  return table;
}

/**
 * Enters the run `[from, to)` that holds a comma join, cut where its commas write a list, as one
 * run per piece of at least `minDigits` digits; `table.runs` counts them. Returns the table's new fill.
 */
function enterCommaRun(spans: readonly DigitSpan[], from: number, to: number, minDigits: number, filled: number): number {
  const { joins } = table;
  cutCommaLists(spans, joins, from, to);
  let fill = filled;
  let piece = from;
  for (let s = from + 1; s <= to; s++) {
    if (s < to && joins[s] !== APART) continue;
    fill = enterPiece(spans, piece, s, minDigits, fill);
    piece = s;
  }
  return fill;
}

function enterPiece(spans: readonly DigitSpan[], from: number, to: number, minDigits: number, filled: number): number {
  const { start, end, lineBreakBefore, runStart, joins } = table;
  let digits = 0;
  for (let s = from; s < to; s++) digits += (spans[s]?.end ?? 0) - (spans[s]?.start ?? 0);
  if (digits < minDigits) return filled;
  let fill = filled;
  runStart[table.runs++] = fill;
  for (let s = from; s < to; s++) {
    const group = spans[s];
    if (group === undefined) break;
    start[fill] = group.start;
    end[fill] = group.end;
    lineBreakBefore[fill] = s > from && joins[s] === ACROSS_LINE_BREAK ? 1 : 0;
    fill++;
  }
  return fill;
}

/**
 * Turns the comma joins of the run `[from, to)` that write a list into cuts (`APART`): a stretch of
 * groups joined by commas stays one number when it is grouped as a card or a My Number is printed,
 * also after a first item or before a last one that is something else (`v=1.2,4111,1111,1111,1111`).
 */
function cutCommaLists(spans: readonly DigitSpan[], joins: Uint8Array, from: number, to: number): void {
  for (let a = from; a < to;) {
    let b = a + 1;
    while (b < to && joins[b] === COMMA) b++;
    // Spans [a, b) are joined by commas (one span alone when b is a + 1).
    if (b - a > 1 && !isCardOrMyNumberGrouping(spans, a, b)) {
      if (isCardOrMyNumberGrouping(spans, a + 1, b)) joins[a + 1] = APART;
      else if (isCardOrMyNumberGrouping(spans, a, b - 1)) joins[b - 1] = APART;
      else for (let s = a + 1; s < b; s++) joins[s] = APART;
    }
    a = b;
  }
}

/** Spans `[from, to)` grouped as a card is printed (fours with a tail of one to four, Amex 4-6-5, Diners 4-6-4) or a My Number (4-4-4). */
function isCardOrMyNumberGrouping(spans: readonly DigitSpan[], from: number, to: number): boolean {
  const size = (s: number): number => (spans[s]?.end ?? 0) - (spans[s]?.start ?? 0);
  const count = to - from;
  if (count === 3 && size(from) === 4 && size(from + 1) === 6 && (size(from + 2) === 5 || size(from + 2) === 4)) return true;
  if (count < 3) return false;
  for (let s = from; s < to - 1; s++) if (size(s) !== 4) return false;
  const tail = size(to - 1);
  return tail >= 1 && tail <= 4;
}

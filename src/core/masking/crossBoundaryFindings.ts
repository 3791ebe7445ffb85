import { isCardCompanion } from './detectors/cardCompanions.ts';
import type { Finding } from './Finding.ts';

/** How much of a text's edge is read together with its neighbour: a card number is at most 19 digits plus separators. */
const EDGE = 48;

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isJapaneseOrLatinLetter(code: number): boolean {
  return (code >= 0x3040 && code <= 0x9fff) || (code >= 0xc0 && code <= 0x24f);
}

/**
 * Characters a split number can be made of once normalised: digits in any width or form, the
 * group separators and line breaks, and the invisible characters `normalizeForDetection` drops.
 * Letters and punctuation end an edge: what lies beyond them is not part of the number.
 */
function mayBePartOfNumber(code: number): boolean {
  if (code < 0x80)
    return (
      isAsciiDigit(code) || code === 0x20 || code === 0x2d || code === 0x2e || code === 0x2f || code === 0x5f || code === 0x0a || code === 0x0d || code === 0x09
    );
  return !isJapaneseOrLatinLetter(code);
}

/** Where the number-like tail of `text` starts (its last `EDGE` characters at most). */
function tailStart(text: string): number {
  let i = text.length;
  while (i > 0 && text.length - i < EDGE && mayBePartOfNumber(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Where the number-like head of `text` ends. */
function headEnd(text: string): number {
  let i = 0;
  while (i < text.length && i < EDGE && mayBePartOfNumber(text.charCodeAt(i))) i++;
  return i;
}

/** True when `text` ends (before trailing spaces) with a digit or a character that may be one. */
function endsNumberLike(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) continue;
    return isAsciiDigit(code) || (code >= 0x80 && mayBePartOfNumber(code));
  }
  return false;
}

function startsNumberLike(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) continue;
    return isAsciiDigit(code) || (code >= 0x80 && mayBePartOfNumber(code));
  }
  return false;
}

interface Piece {
  /** Which text. */
  index: number;
  /** Offset of the piece in its text. */
  from: number;
  /** Offset of the piece in the joined text. */
  at: number;
  length: number;
}

function isLineSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The last character of `text` that is not a space or line break, or -1. */
function lastVisible(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && isLineSpace(text.charCodeAt(i))) i--;
  return i;
}

/** The first character of `text` that is not a space or line break. */
function firstVisible(text: string): number {
  let i = 0;
  while (i < text.length && isLineSpace(text.charCodeAt(i))) i++;
  return i;
}

/** True when one of `findings` (of `kind`, when given) covers offset `at`. */
function covers(findings: readonly Finding[] | null | undefined, at: number, kind?: Finding['kind']): boolean {
  if (findings === null || findings === undefined) return false;
  for (const f of findings) if (f.start <= at && f.end > at && (kind === undefined || f.kind === kind)) return true;
  return false;
}

/**
 * True when no finding of the joined scan can survive at the boundary after text `k`. A finding
 * across it starts and ends on digits (what `startsOnDigits` promises), so it holds the last
 * visible character of text `k` and the first of text `k + 1`; when a text's own scan already
 * explains either, the finding would be dropped as claimed (below), and the scan is not needed.
 */
function boundaryClaimed(texts: readonly string[], scanned: ReadonlyArray<Finding[] | null>, k: number): boolean {
  const last = lastVisible(texts[k] ?? '');
  // A card ending the text may have its expiry and code in the next one ("4111 … 1111", "12/27", "123").
  const nextClaimed = covers(scanned[k + 1], firstVisible(texts[k + 1] ?? ''));
  return covers(scanned[k], last, 'pan') ? nextClaimed : nextClaimed || covers(scanned[k], last);
}

/** True for an expiry or code whose card the joined scan found in an earlier text than `piece`. */
function followsCardOfEarlierText(finding: Finding, joinedFindings: readonly Finding[], piece: Piece): boolean {
  if (!isCardCompanion(finding)) return false;
  for (const f of joinedFindings) if (f.kind === 'pan' && f.end <= piece.at) return true;
  return false;
}

/**
 * Secrets written across neighbouring texts — a card number split over two chat messages in a
 * row or over the attributes `card1` and `card2`, or a card's expiry and code sent as the messages
 * after it. Where one text ends and the next begins
 * number-like, their edges (with any short texts in between) are joined by a line break and
 * scanned together; every finding that crosses a boundary is returned as one part per text, all
 * but the last marked `continues`. `scanned[i]` is null for a text that takes no part (decided by
 * its name, or failed closed); findings wholly inside one text are left to that text's own scan.
 * `startsOnDigits` says the joined scan's findings start and end on a digit (the built-in number
 * detectors; a custom pattern may match anything), which lets a join whose every boundary a
 * text's own findings already explain go unscanned. The result is sparse: an entry only for a
 * text that got findings.
 */
export function crossBoundaryFindings(
  texts: readonly string[],
  scanned: ReadonlyArray<Finding[] | null>,
  scanJoined: (joined: string) => Finding[],
  startsOnDigits = false,
): Map<number, Finding[]> {
  const extra = new Map<number, Finding[]>();
  const takesPart = (i: number): boolean => scanned[i] !== null && scanned[i] !== undefined && (texts[i]?.length ?? 0) > 0;
  const joins = (i: number): boolean => takesPart(i) && takesPart(i + 1) && endsNumberLike(texts[i] ?? '') && startsNumberLike(texts[i + 1] ?? '');
  let i = 0;
  while (i < texts.length - 1) {
    if (!joins(i)) {
      i++;
      continue;
    }
    // Extend over short texts that are number-like from end to end ("4111", "1111", "1111").
    let last = i + 1;
    while (last < texts.length - 1 && joins(last) && headEnd(texts[last] ?? '') === (texts[last]?.length ?? 0)) last++;
    if (startsOnDigits) {
      let open = false;
      for (let k = i; k < last && !open; k++) open = !boundaryClaimed(texts, scanned, k);
      if (!open) {
        i = last;
        continue;
      }
    }
    const pieces: Piece[] = [];
    let joined = '';
    for (let k = i; k <= last; k++) {
      const text = texts[k] ?? '';
      const from = k === i ? tailStart(text) : 0;
      const to = k === last ? headEnd(text) : text.length;
      if (k > i) joined += '\n';
      pieces.push({ index: k, from, at: joined.length, length: to - from });
      joined += text.slice(from, to);
    }
    const joinedFindings = scanJoined(joined);
    for (const finding of joinedFindings) {
      const touched = pieces.filter((p) => finding.start < p.at + p.length && finding.end > p.at);
      const first = touched[0];
      if (first === undefined || (touched.length < 2 && !followsCardOfEarlierText(finding, joinedFindings, first))) continue;
      // Digits a text's own scan already explains (the end of a phone number) are not re-read as part of another number.
      const claimed = touched.some((piece) => {
        const start = Math.max(finding.start, piece.at) - piece.at + piece.from;
        const end = Math.min(finding.end, piece.at + piece.length) - piece.at + piece.from;
        return (scanned[piece.index] ?? []).some((own) => own.start < end && own.end > start);
      });
      if (claimed) continue;
      touched.forEach((piece, n) => {
        const start = Math.max(finding.start, piece.at) - piece.at + piece.from;
        const end = Math.min(finding.end, piece.at + piece.length) - piece.at + piece.from;
        if (end <= start) return;
        const part: Finding = { kind: finding.kind, start, end, detector: finding.detector };
        if (n < touched.length - 1) part.continues = true;
        let parts = extra.get(piece.index);
        if (parts === undefined) extra.set(piece.index, (parts = []));
        parts.push(part);
      });
    }
    i = last;
  }
  return extra;
}

import { createDetectionInput } from '../createDetectionInput.ts';
import type { Detector, Finding } from '../Finding.ts';

/**
 * A number the caller reads out over several turns of one transcript, the agent acknowledging
 * between ("CUSTOMER: 619" / "AGENT: okay" / "CUSTOMER: 87" / "AGENT: mm-hm" / "CUSTOMER: 8115",
 * "お客様：えっと、3566、" / "オペレーター：はい。" / "お客様：1818 1687、" …): each piece alone is too
 * short to be anything, together they are a card, an SSN or a My Number. The caller's pieces are
 * joined, after what the caller said before the first one (a My Number's word), and read by the
 * number detectors; each piece of a number found is masked, all but the last drawn without a last four.
 */
const SPEAKER =
  /^[ \t]*(?:\[[0-9:. ]{4,12}\][ \t]*)?(customer|cust|cx|caller|client|user|agent|rep|お客様|お客さま|顧客|オペレーター|担当者?)[ \t]*[:：][ \t]*/i;
const CALLER = /^(?:customer|cust|cx|caller|client|user|お客様|お客さま|顧客)$/i;
/** A line that is only digit groups, after what people say first and before what ends a sentence. */
const WHOLE_PIECE =
  /^(?:(?:えっと|えーと|えー|あの|はい|um+|uh+|so|okay|ok|yeah|sure|and|then|それから|次は)[、, ]*){0,3}([0-9]{1,8}(?:[ -][0-9]{1,8}){0,3})[ 、,。.!]*(?:です|でした|です。)?[ \t]*$/i;
/** The digit groups that end a longer line ("… Okay. 4847 0469"). */
const TAIL_PIECE = /(?:^|[^0-9 -])[ \t]?([0-9]{1,8}(?:[ -][0-9]{1,8}){0,3})[ 、,。.!]*[ \t]*$/;
/** What the agent says between two pieces: a short line with no digit ("Mm-hm.", "はい、続けてどうぞ。"). */
const LONGEST_ACKNOWLEDGEMENT = 40;
const MOST_PIECES = 6;
/** The longest line read as a piece, and how much of a longer line's end is read for one. */
const LONGEST_PIECE_LINE = 80;
const TAIL_READ = 48;

interface Line {
  start: number;
  end: number;
  caller: boolean;
  /** Where the speaker's name ends. */
  said: number;
}

interface Piece {
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const speaker = SPEAKER.exec(text.slice(start, Math.min(end, start + 40)));
    lines.push({ start, end, caller: speaker !== null && CALLER.test(speaker[1] ?? ''), said: start + (speaker?.[0].length ?? 0) });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** The piece a caller's line gives: the whole line's digits, or (`tail`) those that end it. */
function pieceOf(text: string, line: Line, tail: boolean): Piece | null {
  const said = text.slice(line.said, line.end);
  // Both patterns read a bounded stretch: a piece's line is short, a tail the end of a line.
  const whole = said.length <= LONGEST_PIECE_LINE ? WHOLE_PIECE.exec(said) : null;
  if (whole !== null) return pieceAt(line.said, whole);
  if (!tail) return null;
  const from = Math.max(0, said.length - TAIL_READ);
  const end = TAIL_PIECE.exec(said.slice(from));
  return end === null ? null : pieceAt(line.said + from, end);
}

function pieceAt(offset: number, match: RegExpExecArray): Piece | null {
  const digits = match[1];
  if (digits === undefined) return null;
  const start = offset + match.index + match[0].indexOf(digits);
  return { start, end: start + digits.length };
}

/** Joins the pieces after `prefix` and reads them with `detectors`; the findings that span two pieces or more, mapped back. */
function readJoined(text: string, prefix: string, pieces: readonly Piece[], detectors: readonly Detector[], findings: Finding[]): void {
  let joined = prefix;
  const at: number[] = [];
  for (const piece of pieces) {
    if (at.length > 0) joined += ' ';
    at.push(joined.length);
    joined += text.slice(piece.start, piece.end);
  }
  const input = createDetectionInput(joined, undefined);
  for (const detector of detectors) {
    for (const found of detector.detect(input)) {
      const covered: number[] = [];
      pieces.forEach((piece, k) => {
        const from = at[k] ?? 0;
        if (found.start < from + piece.end - piece.start && found.end > from) covered.push(k);
      });
      if (covered.length < 2) continue;
      covered.forEach((k, n) => {
        const piece = pieces[k];
        if (piece === undefined) return;
        const from = at[k] ?? 0;
        const start = piece.start + Math.max(0, found.start - from);
        const end = piece.start + Math.min(piece.end - piece.start, found.end - from);
        findings.push({ kind: found.kind, start, end, detector: 'numberOverTurns', ...(n < covered.length - 1 ? { continues: true as const } : {}) });
      });
    }
  }
}

/** Reads numbers over turns with the given number detectors (the card's, and the SSN's and My Number's where the policy has them on). */
export function createNumberOverTurnsDetector(detectors: readonly Detector[]): Detector {
  return {
    name: 'numberOverTurns',
    detect({ text }) {
      const findings: Finding[] = [];
      // A transcript of one line has no turns.
      if (text.indexOf('\n') < 0 || !hasDigit(text, 0, text.length)) return findings;
      const lines = linesOf(text);
      for (let i = 0; i < lines.length; i++) {
        const first = lines[i];
        if (first === undefined || !first.caller) continue;
        const opening = pieceOf(text, first, true);
        if (opening === null) continue;
        const pieces: Piece[] = [opening];
        let j = i + 1;
        while (j < lines.length && pieces.length < MOST_PIECES) {
          let next = lines[j];
          // One acknowledgement may stand between two pieces.
          if (next !== undefined && !next.caller && next.end - next.start <= LONGEST_ACKNOWLEDGEMENT && !hasDigit(text, next.start, next.end))
            next = lines[++j];
          if (next === undefined || !next.caller) break;
          const piece = pieceOf(text, next, false);
          if (piece === null) break;
          pieces.push(piece);
          j++;
        }
        if (pieces.length < 2) continue;
        readJoined(text, text.slice(first.said, opening.start), pieces, detectors, findings);
        i = j - 1;
      }
      return findings;
    },
  };
}

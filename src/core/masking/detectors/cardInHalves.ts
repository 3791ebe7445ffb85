import { cardIssuerOf } from '../cardIssuer.ts';
import { LABEL_FAMILY } from '../labelMentions.ts';
import type { Detector, Finding } from '../Finding.ts';
import { passesLuhn } from '../luhn.ts';

/** How people say the second half of a card read out in two ("the first 8 are …, the rest is …"); with FIRST, `LABEL_WORDS.rest`. */
const REST = /rest|remaining|remainder|second half|other half|last 8|last eight|残り|後半|続き/i;
/** How people say the first half: "first part is …", "最初が…". */
const FIRST = /first part|first bit|first half|first 8|first eight|最初|前半/i;

// Two halves of eight digits (4 4 or 8), each a whole number, with words and no digit between but
// a transcript's time stamps (at most 48 pieces: its next lines, "[14:21:19] AGENT: mhm go ahead"). Bounded and lazy: linear per start.
const HALVES = /([0-9]{4}[ -]?[0-9]{4})(?![0-9]|[ -][0-9])((?:[^0-9[]|\[[0-9:.]{4,12}\]|\[){1,48}?)([0-9]{4}[ -]?[0-9]{4})(?![0-9]|[ -][0-9])/g;
/** How far before the first half its word is looked for ("first part is "). */
const FIRST_BEFORE = 24;

function digitsOf(part: string): string {
  return part.replace(/[ -]/g, '');
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True when `text` continues a number before `at` (`…9 4539 5763`, `94539…`). */
function continuesNumberBefore(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  if (isDigit(before)) return true;
  return (before === 0x20 || before === 0x2d) && isDigit(text.charCodeAt(at - 2));
}

/**
 * A card read out in two halves of eight digits with words between ("ok the first 8 are 4539 5763
 * and the rest is 2217 5929", "最初の8桁が3589 4892、残りが8929 4421です"): neither half is a card
 * on its own, together they are one (issuer range and Luhn), and the words say so: the second is
 * "the rest", or the first "the first part" (a transcript's next line may bring the second). Both are hidden as one card, the last four drawn in the second.
 */
export const cardInHalvesDetector: Detector = {
  name: 'cardInHalves',
  detect(input) {
    const findings: Finding[] = [];
    const { text } = input;
    if ((input.labelFamilies() & LABEL_FAMILY.rest) === 0) return findings;
    HALVES.lastIndex = 0;
    for (const match of text.matchAll(HALVES)) {
      const first = match[1] ?? '';
      const between = match[2] ?? '';
      const second = match[3] ?? '';
      // The first half must itself be a whole number, not the tail of a longer one.
      if (continuesNumberBefore(text, match.index)) continue;
      if (!REST.test(between) && !FIRST.test(text.slice(Math.max(0, match.index - FIRST_BEFORE), match.index))) continue;
      const digits = digitsOf(first) + digitsOf(second);
      if (cardIssuerOf(digits) === null || !passesLuhn(digits)) continue;
      const secondStart = match.index + first.length + between.length;
      findings.push({ kind: 'pan', start: match.index, end: match.index + first.length, detector: 'pan', continues: true });
      findings.push({ kind: 'pan', start: secondStart, end: secondStart + second.length, detector: 'pan' });
    }
    return findings;
  },
};

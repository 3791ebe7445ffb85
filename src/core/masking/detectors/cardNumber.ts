import type { Detector, Finding } from '../Finding.ts';
import { cardIssuerOfLeading, mayStartCardNumber } from '../cardIssuer.ts';
import { groupSize, separatorBefore, standsAlone, type DigitGroups } from '../scanDigitGroups.ts';

const MIN_DIGITS = 12;
const MAX_DIGITS = 19;
/**
 * A digit doubled as Luhn doubles it (2d, less 9 above 9), looked up: the branch `d > 4` goes
 * either way at random on random digits, and a mispredicted branch per digit was most of the sum.
 */
const LUHN_DOUBLED = new Uint8Array([0, 2, 4, 6, 8, 1, 3, 5, 7, 9]);

/** How cards are printed and typed: one block, fours with a shorter tail, Amex 4-6-5, Diners 4-6-4. */
function isCardGrouping(groups: DigitGroups, from: number, to: number): boolean {
  if (from === to) return true;
  const head = groupSize(groups, from);
  const tail = groupSize(groups, to);
  if (to - from === 2 && head === 4 && groupSize(groups, from + 1) === 6 && (tail === 5 || tail === 4)) return true;
  if (tail < 1 || tail > 4) return false;
  for (let i = from; i < to; i++) if (groupSize(groups, i) !== 4) return false;
  return true;
}

/**
 * The last group of a card form typed as one digit sequence, `4111 1111 1111 1111 1227 123`: after a
 * card in fours, a four-digit group that is a month and year (MMYY), then at most a three-digit code,
 * joined as the card's groups are, and nothing more. Such a card stands for its sequence though a
 * four follows it; its expiry and code are the card-companion detector's. -1 when there is none.
 */
function cardFormTailEnd(groups: DigitGroups, from: number, to: number, runEnd: number): number {
  const expiry = to + 1;
  if (expiry >= runEnd || groups.lineBreakBefore[expiry] === 1 || groupSize(groups, expiry) !== 4 || !isCardGrouping(groups, from, to)) return -1;
  if (groupSize(groups, to) !== 4 || separatorBefore(groups, expiry) !== separatorBefore(groups, to)) return -1;
  const { text } = groups;
  const at = groups.start[expiry] ?? 0;
  const month = (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
  if (month < 1 || month > 12) return -1;
  const code = expiry + 1;
  if (code >= runEnd || groups.lineBreakBefore[code] === 1) return expiry;
  if (groupSize(groups, code) !== 3 || separatorBefore(groups, code) !== separatorBefore(groups, to)) return -1;
  return code + 1 >= runEnd || groups.lineBreakBefore[code + 1] === 1 ? code : -1;
}

/**
 * Payment card numbers: 12–19 digits, whole groups of a digit run (so `4111 1111-1111 1111`,
 * `4111-1111-1111-1111` and `378282246310005` all count), a known issuer range and length, and Luhn.
 * Every window of groups is tried, so a card number next to another number ("qty 2 4111 …") is still
 * found, but only a window that stands for its whole written sequence (`standsAlone`): sixteen
 * Luhn-valid digits inside a 22-digit tracking number are not a card.
 *
 * Luhn is computed while a window grows group by group, straight from the text's character codes:
 * `evenDoubled` is the sum with the digits at even positions from the left doubled, `oddDoubled`
 * with those at odd positions; a window of n digits doubles every second digit from the right, which
 * is the even positions when n is even. Nine windows in ten fail it, and they cost no string; the
 * issuer is read from the window's first six digits, kept as a number on the way.
 *
 * `findCardsFrom` tries the windows starting at group `from` of the run `[runFirst, runEnd)` (the
 * walk calls it for each group in order) and returns how far the run is covered by card numbers
 * found so far.
 */
export function findCardsFrom(groups: DigitGroups, runFirst: number, runEnd: number, from: number, coveredUntil: number, findings: Finding[]): number {
  const { text, start, end } = groups;
  const firstStart = start[from] ?? 0;
  if (!mayStartCardNumber(text.charCodeAt(firstStart))) return coveredUntil;
  let covered = coveredUntil;
  let count = 0;
  let evenDoubled = 0;
  let oddDoubled = 0;
  let leadingSix = 0;
  for (let to = from; to < runEnd; to++) {
    const lastStart = start[to] ?? 0;
    const lastEnd = end[to] ?? 0;
    if (count + (lastEnd - lastStart) > MAX_DIGITS) break;
    for (let i = lastStart; i < lastEnd; i++) {
      const d = text.charCodeAt(i) - 48;
      if (count < 6) leadingSix = leadingSix * 10 + d;
      const doubled = LUHN_DOUBLED[d] ?? 0;
      if ((count & 1) === 0) {
        evenDoubled += doubled;
        oddDoubled += d;
      } else {
        evenDoubled += d;
        oddDoubled += doubled;
      }
      count++;
    }
    if (count < MIN_DIGITS || lastEnd <= covered) continue;
    if (((count & 1) === 0 ? evenDoubled : oddDoubled) % 10 !== 0) continue;
    if (cardIssuerOfLeading(leadingSix, count) === null) continue;
    if (!standsAlone(groups, runFirst, runEnd, from, to, isCardGrouping(groups, from, to))) {
      const tailEnd = cardFormTailEnd(groups, from, to, runEnd);
      if (tailEnd < 0 || !standsAlone(groups, runFirst, runEnd, from, tailEnd, false)) continue;
    }
    findings.push({ kind: 'pan', start: firstStart, end: lastEnd, detector: 'pan' });
    covered = lastEnd;
  }
  return covered;
}

/** The card windows come from the one walk over the value's digit groups (`findInDigitGroups`). */
export const cardNumberDetector: Detector = {
  name: 'pan',
  detect: (input) => input.digitGroupFindings().pan,
};

import type { Detector, Finding } from '../Finding.ts';
import { cardIssuerOf, mayStartCardNumber } from '../cardIssuer.ts';
import { standsAlone, type DigitRun } from '../scanDigitGroups.ts';

const MIN_DIGITS = 12;
const MAX_DIGITS = 19;

/** How cards are printed and typed: one block, fours with a shorter tail, Amex 4-6-5, Diners 4-6-4. */
function isCardGrouping(run: DigitRun, from: number, to: number): boolean {
  if (from === to) return true;
  const head = run[from]?.size ?? 0;
  const tail = run[to]?.size ?? 0;
  if (to - from === 2 && head === 4 && run[from + 1]?.size === 6 && (tail === 5 || tail === 4)) return true;
  if (tail < 1 || tail > 4) return false;
  for (let i = from; i < to; i++) if (run[i]?.size !== 4) return false;
  return true;
}

/** The digits of groups `from`…`to`, joined: built only for a window that already passed Luhn. */
function windowDigits(run: DigitRun, from: number, to: number): string {
  let digits = '';
  for (let i = from; i <= to; i++) digits += run[i]?.digits ?? '';
  return digits;
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
 * is the even positions when n is even. Nine windows in ten fail it, and they cost no string.
 *
 * `findCardsFrom` tries the windows starting at group `from` (the walk calls it for each group in
 * order) and returns how far the run is covered by card numbers found so far.
 */
export function findCardsFrom(text: string, run: DigitRun, from: number, coveredUntil: number, findings: Finding[]): number {
  const first = run[from];
  if (first === undefined || !mayStartCardNumber(text.charCodeAt(first.start))) return coveredUntil;
  let covered = coveredUntil;
  let count = 0;
  let evenDoubled = 0;
  let oddDoubled = 0;
  for (let to = from; to < run.length; to++) {
    const last = run[to];
    if (last === undefined) break;
    if (count + (last.end - last.start) > MAX_DIGITS) break;
    for (let i = last.start; i < last.end; i++) {
      const d = text.charCodeAt(i) - 48;
      const doubled = d > 4 ? 2 * d - 9 : 2 * d;
      if ((count & 1) === 0) {
        evenDoubled += doubled;
        oddDoubled += d;
      } else {
        evenDoubled += d;
        oddDoubled += doubled;
      }
      count++;
    }
    if (count < MIN_DIGITS || last.end <= covered) continue;
    if (((count & 1) === 0 ? evenDoubled : oddDoubled) % 10 !== 0) continue;
    if (cardIssuerOf(windowDigits(run, from, to)) === null) continue;
    if (!standsAlone(run, from, to, isCardGrouping(run, from, to))) continue;
    findings.push({ kind: 'pan', start: first.start, end: last.end, detector: 'pan' });
    covered = last.end;
  }
  return covered;
}

/** The card windows come from the one walk over the value's digit groups (`findInDigitGroups`). */
export const cardNumberDetector: Detector = {
  name: 'pan',
  detect: (input) => input.digitGroupFindings().pan,
};

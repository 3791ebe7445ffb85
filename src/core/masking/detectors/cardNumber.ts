import type { Detector, Finding } from '../Finding.ts';
import { cardIssuerOf, mayStartCardNumber } from '../cardIssuer.ts';
import { passesLuhn } from '../luhn.ts';
import { groupWindows, standsAlone, type DigitGroup, type DigitRun } from '../scanDigitGroups.ts';

const startsLikeACard = (group: DigitGroup): boolean => mayStartCardNumber(group.digits.charAt(0));

/** How cards are printed and typed: one block, fours with a shorter tail, Amex 4-6-5, Diners 4-6-4. */
function isCardGrouping(run: DigitRun, from: number, to: number): boolean {
  if (from === to) return true;
  const sizes: number[] = [];
  for (let i = from; i <= to; i++) sizes.push(run[i]?.digits.length ?? 0);
  if (sizes.length === 3 && sizes[0] === 4 && sizes[1] === 6 && (sizes[2] === 5 || sizes[2] === 4)) return true;
  const tail = sizes[sizes.length - 1] ?? 0;
  return tail >= 1 && tail <= 4 && sizes.slice(0, -1).every((size) => size === 4);
}

/**
 * Payment card numbers: 12–19 digits, whole groups of a digit run (so `4111 1111-1111 1111`,
 * `4111-1111-1111-1111` and `378282246310005` all count), a known issuer range and length, and Luhn.
 * Every window of groups is tried, so a card number next to another number ("qty 2 4111 …") is still
 * found, but only a window that stands for its whole written sequence (`standsAlone`): sixteen
 * Luhn-valid digits inside a 22-digit tracking number are not a card.
 */
export const cardNumberDetector: Detector = {
  name: 'pan',
  detect(input) {
    const findings: Finding[] = [];
    for (const run of input.digitRuns()) {
      let coveredUntil = -1;
      for (const window of groupWindows(run, 12, 19, startsLikeACard)) {
        const first = run[window.from];
        const last = run[window.to];
        if (!first || !last || last.end <= coveredUntil) continue;
        if (cardIssuerOf(window.digits) === null || !passesLuhn(window.digits)) continue;
        if (!standsAlone(run, window.from, window.to, isCardGrouping(run, window.from, window.to))) continue;
        findings.push({ kind: 'pan', start: first.start, end: last.end, detector: 'pan' });
        coveredUntil = last.end;
      }
    }
    return findings;
  },
};

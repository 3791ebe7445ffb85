import type { Detector, Finding } from '../Finding.ts';
import { cardIssuerOf, mayStartCardNumber } from '../cardIssuer.ts';
import { passesLuhn } from '../luhn.ts';
import { groupWindows, type DigitGroup } from '../scanDigitGroups.ts';

const startsLikeACard = (group: DigitGroup): boolean => mayStartCardNumber(group.digits.charAt(0));

/**
 * Payment card numbers: 12–19 digits, whole groups of a digit run (so `4111 1111 1111 1111`,
 * `4111-1111-1111-1111` and `378282246310005` all count), a known issuer range and length, and Luhn.
 * Every window of groups is tried, so a card number next to another number ("qty 2 4111 …") is still found.
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
        findings.push({ kind: 'pan', start: first.start, end: last.end, detector: 'pan' });
        coveredUntil = last.end;
      }
    }
    return findings;
  },
};

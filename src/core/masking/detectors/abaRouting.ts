import { isAsciiDigits } from '../digitSpans.ts';
import type { DetectionInput, Detector, Finding } from '../Finding.ts';
import { hasContextWordNear, nameSays } from '../contextWords.ts';
import { standsAlone, type DigitRun } from '../scanDigitGroups.ts';

const CONTEXT = ['routing', 'aba', 'rtn', 'transit number', 'routing number', 'abartn'] as const;
/** What an attribute name says when the value is of this kind. */
const NAME_WORDS = ['aba', 'rtn', 'routing'] as const;
const NAME_PHRASES = ['routingnumber'] as const;

/** ABA checksum 3-7-1 and the Federal Reserve prefixes 00–12, 21–32, 61–72, 80. */
export function isValidAbaRouting(digits: string): boolean {
  if (!isAsciiDigits(digits, 9)) return false;
  const prefix = Number(digits.slice(0, 2));
  const prefixOk = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!prefixOk) return false;
  const d = (i: number): number => digits.charCodeAt(i) - 48;
  const sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5) + d(8));
  return sum % 10 === 0;
}

/** What the attribute name says: a routing number needs the word nearby or in the name (asked only for a valid checksum). */
function abaRoutingNamed(input: DetectionInput): boolean {
  return nameSays(input.attributeName, NAME_WORDS, NAME_PHRASES);
}

/** Nine-digit ABA routing numbers with a valid checksum, next to routing/ABA/RTN or in an attribute named so; group `i` of a run. */
export function findAbaRoutingAt(input: DetectionInput, run: DigitRun, i: number, findings: Finding[]): void {
  const group = run[i];
  if (group === undefined || group.size !== 9 || !isValidAbaRouting(group.digits) || !standsAlone(run, i, i, true)) return;
  if (abaRoutingNamed(input) || hasContextWordNear(input, group.start, group.end, CONTEXT)) {
    findings.push({ kind: 'abaRouting', start: group.start, end: group.end, detector: 'abaRouting' });
  }
}

export const abaRoutingDetector: Detector = {
  name: 'abaRouting',
  detect: (input) => input.digitGroupFindings().abaRouting,
};

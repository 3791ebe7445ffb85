import { isAsciiDigits } from '../digitSpans.ts';
import type { DetectionInput, Detector, Finding } from '../Finding.ts';
import { hasContextWordNear, nameTest } from '../contextWords.ts';
import { groupSize, standsAlone, type DigitGroups } from '../scanDigitGroups.ts';

const CONTEXT = ['routing', 'aba', 'rtn', 'transit number', 'routing number', 'abartn'] as const;
/** What an attribute name says when the value is of this kind. */
const NAME_WORDS = ['aba', 'rtn', 'routing'] as const;
const NAME_PHRASES = ['routingnumber'] as const;

/** ABA checksum 3-7-1 and the Federal Reserve prefixes 00–12, 21–32, 61–72, 80, on `text[from, from + 9)` where it is written. */
function isValidAbaRoutingAt(text: string, from: number): boolean {
  const prefix = 10 * (text.charCodeAt(from) - 48) + (text.charCodeAt(from + 1) - 48);
  const prefixOk = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!prefixOk) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 3) {
    sum += 3 * (text.charCodeAt(from + i) - 48) + 7 * (text.charCodeAt(from + i + 1) - 48) + (text.charCodeAt(from + i + 2) - 48);
  }
  return sum % 10 === 0;
}

/** ABA checksum 3-7-1 and the Federal Reserve prefixes 00–12, 21–32, 61–72, 80. */
export function isValidAbaRouting(digits: string): boolean {
  return isAsciiDigits(digits, 9) && isValidAbaRoutingAt(digits, 0);
}

/** What the attribute name says: a routing number needs the word nearby or in the name (asked only for a valid checksum). */
const abaRoutingNamed = nameTest(NAME_WORDS, NAME_PHRASES);

/** Nine-digit ABA routing numbers with a valid checksum, next to routing/ABA/RTN or in an attribute named so; group `i` of the run `[runFirst, runEnd)`. */
export function findAbaRoutingAt(input: DetectionInput, groups: DigitGroups, runFirst: number, runEnd: number, i: number, findings: Finding[]): void {
  if (groupSize(groups, i) !== 9) return;
  const from = groups.start[i] ?? 0;
  const to = groups.end[i] ?? 0;
  if (!isValidAbaRoutingAt(groups.text, from) || !standsAlone(groups, runFirst, runEnd, i, i, true)) return;
  if (abaRoutingNamed(input.attributeName) || hasContextWordNear(input, from, to, CONTEXT)) {
    findings.push({ kind: 'abaRouting', start: from, end: to, detector: 'abaRouting' });
  }
}

export const abaRoutingDetector: Detector = {
  name: 'abaRouting',
  detect: (input) => input.digitGroupFindings().abaRouting,
};

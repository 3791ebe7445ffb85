import { isAsciiDigits } from '../digitSpans.ts';
import type { DetectionInput, Detector, Finding } from '../Finding.ts';
import { hasContextWordNear, nameSays } from '../contextWords.ts';
import { standsAlone, type DigitRun } from '../scanDigitGroups.ts';

const CONTEXT = ['ssn', 'ss#', 'social security', 'soc sec', 'taxpayer', 'tin', '社会保障番号'] as const;
/** What an attribute name says when the value is of this kind. */
const NAME_WORDS = ['ssn', 'tin'] as const;
const NAME_PHRASES = ['socialsecurity'] as const;

/** SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000. */
export function isPlausibleSsn(digits: string): boolean {
  if (!isAsciiDigits(digits, 9)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  if (digits.slice(3, 5) === '00') return false;
  return digits.slice(5) !== '0000';
}

/** What the attribute name says: nine bare digits count under such a name (asked only for nine digits that pass the SSA rules). */
function ssnNamed(input: DetectionInput): boolean {
  return nameSays(input.attributeName, NAME_WORDS, NAME_PHRASES);
}

/**
 * US Social Security numbers written 3-2-4 with one consistent separator (`123-45-6789`,
 * `123 45 6789`) anywhere; as nine bare digits only next to a word like "SSN" or in an attribute
 * named so — nine bare digits are far more often something else. `findSsnAt` looks at group `i`
 * of a run (the walk over the value's digit groups calls it in order) and returns the next group
 * to look at: past a 3-2-4 shape, which is not read again as parts of other SSNs.
 */
export function findSsnAt(input: DetectionInput, run: DigitRun, i: number, findings: Finding[]): number {
  const a = run[i];
  if (!a) return i + 1;
  const b = run[i + 1];
  const c = run[i + 2];
  if (b && c && a.size === 3 && b.size === 2 && c.size === 4 && (b.separatorBefore === '-' || b.separatorBefore === ' ') && b.separatorBefore === c.separatorBefore) {
    if (isPlausibleSsn(a.digits + b.digits + c.digits) && standsAlone(run, i, i + 2, true)) {
      findings.push({ kind: 'ssn', start: a.start, end: c.end, detector: 'ssn' });
      return i + 3;
    }
    return i + 1;
  }
  if (a.size === 9 && isPlausibleSsn(a.digits) && standsAlone(run, i, i, true) && (ssnNamed(input) || hasContextWordNear(input, a.start, a.end, CONTEXT))) {
    findings.push({ kind: 'ssn', start: a.start, end: a.end, detector: 'ssn' });
  }
  return i + 1;
}

export const ssnDetector: Detector = {
  name: 'ssn',
  detect: (input) => input.digitGroupFindings().ssn,
};

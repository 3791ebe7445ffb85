import { isAsciiDigits } from '../digitSpans.ts';
import type { DetectionInput, Detector, Finding } from '../Finding.ts';
import { hasContextWordNear, nameSays } from '../contextWords.ts';
import { standsAlone, type DigitRun } from '../scanDigitGroups.ts';

const CONTEXT = ['マイナンバー', '個人番号', 'my number', 'mynumber', 'my no', 'kojin bango', 'individual number'] as const;
/** No single word of a name says My Number on its own; the phrases below do. */
const NO_WORDS: readonly string[] = [];
/** How an attribute says it holds one: マイナンバー, or "Individual Number", its official English name. */
export const MY_NUMBER_NAME_PHRASES = ['mynumber', 'マイナンバー', '個人番号', 'kojinbango', 'individualnumber'] as const;

/**
 * The check digit of the Japanese Individual Number (個人番号), as defined by the
 * MIC ordinance: weights 2–7 then 2–6 from the right over the first eleven digits, mod 11.
 */
export function isValidMyNumber(digits: string): boolean {
  if (!isAsciiDigits(digits, 12)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = digits.charCodeAt(11 - n) - 48;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  const check = remainder <= 1 ? 0 : 11 - remainder;
  return check === digits.charCodeAt(11) - 48;
}

/** What the attribute name says: twelve bare digits count under such a name (asked only for twelve digits with a valid check digit). */
function myNumberNamed(input: DetectionInput): boolean {
  return nameSays(input.attributeName, NO_WORDS, MY_NUMBER_NAME_PHRASES);
}

/**
 * My Number written 4-4-4 (any separator) with a valid check digit; as twelve bare digits only with
 * a context word (マイナンバー, 個人番号, …) nearby or in the attribute name: one in ten random
 * twelve-digit ids passes the check digit, and such ids (orders, AWS accounts) are common.
 * `findMyNumberAt` looks at group `i` of a run (the walk over the value's digit groups calls it in
 * order) and returns the next group to look at: past a My Number found.
 */
export function findMyNumberAt(input: DetectionInput, run: DigitRun, i: number, findings: Finding[]): number {
  const a = run[i];
  if (!a) return i + 1;
  const b = run[i + 1];
  const c = run[i + 2];
  // Not inside a longer chain of four-digit groups: that is a member id or a mistyped card.
  if (b && c && a.size === 4 && b.size === 4 && c.size === 4 && standsAlone(run, i, i + 2, true)) {
    if (isValidMyNumber(a.digits + b.digits + c.digits)) {
      findings.push({ kind: 'myNumber', start: a.start, end: c.end, detector: 'myNumber' });
      return i + 3;
    }
  }
  if (a.size === 12 && isValidMyNumber(a.digits) && standsAlone(run, i, i, true) && (myNumberNamed(input) || hasContextWordNear(input, a.start, a.end, CONTEXT))) {
    findings.push({ kind: 'myNumber', start: a.start, end: a.end, detector: 'myNumber' });
  }
  return i + 1;
}

export const myNumberDetector: Detector = {
  name: 'myNumber',
  detect: (input) => input.digitGroupFindings().myNumber,
};

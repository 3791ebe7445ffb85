import { isAsciiDigits } from '../digitSpans.ts';
import type { DetectionInput, Detector, Finding } from '../Finding.ts';
import { hasContextWordNear, nameTest } from '../contextWords.ts';
import { labelledAsOtherNumber } from '../labelledAsOtherNumber.ts';
import { groupSize, joinedByComma, standsAlone, type DigitGroups } from '../scanDigitGroups.ts';

// 通知カード: the notification card that carried the number before the My Number card.
const CONTEXT = [
  'マイナンバー',
  '個人番号',
  '通知カード',
  'my number',
  'my_number',
  'my-number',
  'mynumber',
  'my no',
  'kojin bango',
  'individual number',
] as const;
/** No single word of a name says My Number on its own; the phrases below do. */
const NO_WORDS: readonly string[] = [];
/** How an attribute says it holds one: マイナンバー, or "Individual Number", its official English name. */
export const MY_NUMBER_NAME_PHRASES = ['mynumber', 'マイナンバー', '個人番号', 'kojinbango', 'individualnumber'] as const;

/**
 * The check digit of twelve digits written as three blocks of four, `text[first, first + 4)`,
 * `text[second, second + 4)` and `text[third, third + 4)` (one block of twelve is the three blocks
 * side by side), read from the character codes where they are written; see `isValidMyNumber`.
 */
function hasValidCheckDigitAt(text: string, first: number, second: number, third: number): boolean {
  // Weights from the left over the first eleven digits: 6 5 4 3 2 7 6 5 4 3 2 (the MIC ordinance's 2–7 then 2–6 from the right).
  const sum =
    6 * (text.charCodeAt(first) - 48) +
    5 * (text.charCodeAt(first + 1) - 48) +
    4 * (text.charCodeAt(first + 2) - 48) +
    3 * (text.charCodeAt(first + 3) - 48) +
    2 * (text.charCodeAt(second) - 48) +
    7 * (text.charCodeAt(second + 1) - 48) +
    6 * (text.charCodeAt(second + 2) - 48) +
    5 * (text.charCodeAt(second + 3) - 48) +
    4 * (text.charCodeAt(third) - 48) +
    3 * (text.charCodeAt(third + 1) - 48) +
    2 * (text.charCodeAt(third + 2) - 48);
  const remainder = sum % 11;
  const check = remainder <= 1 ? 0 : 11 - remainder;
  return check === text.charCodeAt(third + 3) - 48;
}

/**
 * The check digit of the Japanese Individual Number (個人番号), as defined by the
 * MIC ordinance: weights 2–7 then 2–6 from the right over the first eleven digits, mod 11.
 */
export function isValidMyNumber(digits: string): boolean {
  return isAsciiDigits(digits, 12) && hasValidCheckDigitAt(digits, 0, 4, 8);
}

/** What the attribute name says: twelve bare digits count under such a name (asked only for twelve digits with a valid check digit). */
const myNumberNamed = nameTest(NO_WORDS, MY_NUMBER_NAME_PHRASES);

/**
 * My Number written 4-4-4 (any separator but a comma, which also writes lists) with a valid check digit; as twelve bare digits only with
 * a context word (マイナンバー, 個人番号, …) nearby or in the attribute name: one in ten random
 * twelve-digit ids passes the check digit, and such ids (orders, AWS accounts) are common.
 * `findMyNumberAt` looks at group `i` of the run `[runFirst, runEnd)` (the walk over the value's
 * digit groups calls it in order) and returns the next group to look at: past a My Number found.
 */
export function findMyNumberAt(input: DetectionInput, groups: DigitGroups, runFirst: number, runEnd: number, i: number, findings: Finding[]): number {
  const { text, start, end } = groups;
  const size = groupSize(groups, i);
  // Not inside a longer chain of four-digit groups: that is a member id or a mistyped card.
  if (size === 4 && i + 2 < runEnd && groupSize(groups, i + 1) === 4 && groupSize(groups, i + 2) === 4) {
    if (
      hasValidCheckDigitAt(text, start[i] ?? 0, start[i + 1] ?? 0, start[i + 2] ?? 0) &&
      standsAlone(groups, runFirst, runEnd, i, i + 2, true) &&
      // Commas also write lists ("rooms 1204,1305,1406"), and a tracking or serial number's label
      // names another number ("伝票番号 5255-2533-4460"): then it needs what twelve bare digits need.
      ((!joinedByComma(groups, i + 1) && !labelledAsOtherNumber(input.text, start[i] ?? 0, true)) ||
        myNumberNamed(input.attributeName) ||
        hasContextWordNear(input, start[i] ?? 0, end[i + 2] ?? 0, CONTEXT))
    ) {
      findings.push({ kind: 'myNumber', start: start[i] ?? 0, end: end[i + 2] ?? 0, detector: 'myNumber' });
      return i + 3;
    }
  }
  if (size === 12) {
    const from = start[i] ?? 0;
    const to = end[i] ?? 0;
    if (
      hasValidCheckDigitAt(text, from, from + 4, from + 8) &&
      standsAlone(groups, runFirst, runEnd, i, i, true) &&
      (myNumberNamed(input.attributeName) || hasContextWordNear(input, from, to, CONTEXT))
    ) {
      findings.push({ kind: 'myNumber', start: from, end: to, detector: 'myNumber' });
    }
  }
  return i + 1;
}

export const myNumberDetector: Detector = {
  name: 'myNumber',
  detect: (input) => input.digitGroupFindings().myNumber,
};

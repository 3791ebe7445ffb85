import { isAsciiDigits } from '../digitSpans.ts';
import type { DetectionInput, Detector, Finding } from '../Finding.ts';
import { hasContextWordNear, nameTest } from '../contextWords.ts';
import { SEPARATOR_DASH, SEPARATOR_SPACE, groupSize, separatorBefore, standsAlone, type DigitGroups } from '../scanDigitGroups.ts';

const CONTEXT = ['ssn', 'ss#', 'social security', 'soc sec', 'taxpayer', 'tin', 'social number', 'social #', '社会保障番号'] as const;
/**
 * "My social" is how American callers say it ("my social is 123456789"). "Social" alone also names
 * media, networks and events, so it counts only with whose it is, and not beside those.
 */
const SPOKEN = ['my social', 'your social'] as const;
const NOT_SPOKEN = ['social media', 'social network', 'social club', 'social event'] as const;

function saysSsnNear(input: DetectionInput, from: number, to: number): boolean {
  if (hasContextWordNear(input, from, to, CONTEXT)) return true;
  return hasContextWordNear(input, from, to, SPOKEN) && !hasContextWordNear(input, from, to, NOT_SPOKEN);
}
/** The separator code of a dot (`130.75.2367`), which versions and addresses use too. */
const SEPARATOR_DOT = 3;
/** The separator code of " - " (space, dash, space: one hexadecimal digit each). */
const SPACED_DASH = (SEPARATOR_SPACE << 8) | (SEPARATOR_DASH << 4) | SEPARATOR_SPACE;
/** What an attribute name says when the value is of this kind. */
const NAME_WORDS = ['ssn', 'tin'] as const;
const NAME_PHRASES = ['socialsecurity'] as const;

/** The number `text[from, from + width)` spells (ASCII digits). */
function numberAt(text: string, from: number, width: number): number {
  let n = 0;
  for (let i = from; i < from + width; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/**
 * SSA rules on an area, group and serial read where they are written: area not 000, 666 or
 * 900–999; group not 00; serial not 0000.
 */
function isPlausibleSsnAt(text: string, area: number, group: number, serial: number): boolean {
  const areaNumber = numberAt(text, area, 3);
  if (areaNumber === 0 || areaNumber === 666 || areaNumber >= 900) return false;
  return numberAt(text, group, 2) !== 0 && numberAt(text, serial, 4) !== 0;
}

/** SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000. */
export function isPlausibleSsn(digits: string): boolean {
  return isAsciiDigits(digits, 9) && isPlausibleSsnAt(digits, 0, 3, 5);
}

/** What the attribute name says: nine bare digits count under such a name (asked only for nine digits that pass the SSA rules). */
const ssnNamed = nameTest(NAME_WORDS, NAME_PHRASES);

/**
 * US Social Security numbers written 3-2-4 with one consistent separator (`123-45-6789`,
 * `123 45 6789`) anywhere; as nine bare digits only next to a word like "SSN" or in an attribute
 * named so — nine bare digits are far more often something else. `findSsnAt` looks at group `i`
 * of the run `[runFirst, runEnd)` (the walk over the value's digit groups calls it in order) and
 * returns the next group to look at: past a 3-2-4 shape, which is not read again as parts of other SSNs.
 */
export function findSsnAt(input: DetectionInput, groups: DigitGroups, runFirst: number, runEnd: number, i: number, findings: Finding[]): number {
  const { text, start, end } = groups;
  const size = groupSize(groups, i);
  if (size === 3 && i + 2 < runEnd && groupSize(groups, i + 1) === 2 && groupSize(groups, i + 2) === 4) {
    const joinedBy = separatorBefore(groups, i + 1);
    // " - " as some forms and agents space it ("123 - 45 - 6789"), or dots ("130.75.2367"): only
    // beside a word that says SSN.
    const onlyWithWord = (joinedBy === SPACED_DASH || joinedBy === SEPARATOR_DOT) && saysSsnNear(input, start[i] ?? 0, end[i + 2] ?? 0);
    if ((joinedBy === SEPARATOR_DASH || joinedBy === SEPARATOR_SPACE || onlyWithWord) && joinedBy === separatorBefore(groups, i + 2)) {
      if (isPlausibleSsnAt(text, start[i] ?? 0, start[i + 1] ?? 0, start[i + 2] ?? 0) && standsAlone(groups, runFirst, runEnd, i, i + 2, true)) {
        findings.push({ kind: 'ssn', start: start[i] ?? 0, end: end[i + 2] ?? 0, detector: 'ssn' });
        return i + 3;
      }
      return i + 1;
    }
  }
  if (size === 9) {
    const from = start[i] ?? 0;
    const to = end[i] ?? 0;
    if (
      isPlausibleSsnAt(text, from, from + 3, from + 5) &&
      standsAlone(groups, runFirst, runEnd, i, i, true) &&
      (ssnNamed(input.attributeName) || saysSsnNear(input, from, to))
    ) {
      findings.push({ kind: 'ssn', start: from, end: to, detector: 'ssn' });
    }
  }
  return i + 1;
}

export const ssnDetector: Detector = {
  name: 'ssn',
  detect: (input) => input.digitGroupFindings().ssn,
};

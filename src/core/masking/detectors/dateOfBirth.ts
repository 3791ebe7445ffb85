import type { Detector, Finding } from '../Finding.ts';
import { hasContextWordNear, mentionMatcher, nameTest } from '../contextWords.ts';

const CONTEXT = ['dob', 'd.o.b', 'birth', 'born', 'birthday', 'birthdate', '生年月日', '誕生日', '生まれ'] as const;
/** What an attribute name says when the value is of this kind. */
const NAME_WORDS = ['dob', 'birthday', 'birthdate'] as const;
const NAME_PHRASES = ['dateofbirth', 'birth', '生年月日', '誕生日'] as const;

const mentions = mentionMatcher(CONTEXT);
const birthNamed = nameTest(NAME_WORDS, NAME_PHRASES);

// Bounded quantifiers and no nesting: each start position costs a constant amount of work.
const NUMERIC_DATE =
  /(?:[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?)|(?:[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4})|(?:(?:明治|大正|昭和|平成|令和)(?:[0-9]{1,2}|元)年[0-9]{1,2}月[0-9]{1,2}日)/g;
const MONTH_NAME_DATE =
  /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? [0-9]{1,2}(?:st|nd|rd|th)?,? [0-9]{4}|[0-9]{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? [0-9]{4}/g;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Dates of birth: a written date (1990-01-15, 01/15/1990, 15.01.1990, 1990年1月15日,
 * 平成2年1月15日, Jan 15, 1990) only when a birth word sits next to it or the attribute is named so.
 * A bare date is an appointment, an order date or a due date and stays visible.
 */
export const dateOfBirthDetector: Detector = {
  name: 'dob',
  detect(input) {
    const { text, attributeName } = input;
    const findings: Finding[] = [];
    // Every match needs a birth word nearby or in the name; most values have neither, and the two
    // date regexes were a tenth of all masking time. The text is asked first: it is one native
    // regex test, the name a look-up per word.
    if (!mentions(text) && !birthNamed(attributeName)) return findings;
    const named = birthNamed(attributeName);
    const { lower } = input;
    for (const [pattern, haystack] of [
      [NUMERIC_DATE, text],
      [MONTH_NAME_DATE, lower],
    ] as const) {
      pattern.lastIndex = 0;
      for (const match of haystack.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if ((start > 0 && isDigit(text.charCodeAt(start - 1))) || (end < text.length && isDigit(text.charCodeAt(end)))) continue;
        if (named || hasContextWordNear(input, start, end, CONTEXT)) findings.push({ kind: 'dob', start, end, detector: 'dob' });
      }
    }
    return findings;
  },
};

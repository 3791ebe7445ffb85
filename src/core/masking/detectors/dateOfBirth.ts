import type { Detector, Finding } from '../Finding.ts';
import { describeName, hasContextWordNear, nameSays, nameTest } from '../contextWords.ts';
import { LABEL_FAMILY, LABEL_WORDS } from '../labelMentions.ts';
import { columnOf, namedColumns, rowAround, type TableColumns } from '../namedColumns.ts';

const CONTEXT = LABEL_WORDS.birth;
/** What an attribute name says when the value is of this kind. */
const NAME_WORDS = ['dob', 'birthday', 'birthdate'] as const;
const NAME_PHRASES = ['dateofbirth', 'birth', '生年月日', '誕生日'] as const;

const birthNamed = nameTest(NAME_WORDS, NAME_PHRASES);

// Bounded quantifiers and no nesting: each start position costs a constant amount of work.
// In order: year first (1985-04-12, 1985 04 12, 1985年 4月 12日); day or month first with a
// four- or two-digit year (04/12/1985, 4/12/85, 12.04.85); a Japanese era, written out or as the
// letter forms and systems use (昭和60年4月12日, 昭和60.4.12, S60.4.12, H2/1/15, R1-5-1); eight
// digits (19850412), a valid month and day.
const NUMERIC_DATE = new RegExp(
  [
    // The era may stand in parentheses after the year: 1975年（昭和50年）3月21日.
    '[0-9]{4}(?:[-/.]|年の? ?(?:[(（](?:明治|大正|昭和|平成|令和)(?:[0-9]{1,2}|元)年[)）] ?)?)[0-9]{1,2}(?:[-/.]|月 ?)[0-9]{1,2}日?',
    // Spaces alone join any digit groups ("5145 7125 4390 6577 9"): only a birth year's century.
    '(?:19|20)[0-9]{2} [0-9]{1,2} [0-9]{1,2}',
    // And month or day first before such a year, as a voice transcript writes it ("09 17 1972").
    '[0-9]{1,2} [0-9]{1,2} (?:19|20)[0-9]{2}',
    // A two-digit year is no year when more of a date follows: 0-10/24/1957 is 10/24/1957.
    '[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{4}|[0-9]{2}(?![0-9]|[-/.][0-9]))',
    '(?:明治|大正|昭和|平成|令和|[MTSHR])(?:[0-9]{1,2}|元)(?:年の? ?[0-9]{1,2}月 ?[0-9]{1,2}日|[-/.][0-9]{1,2}[-/.][0-9]{1,2})',
    '(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])',
  ].join('|'),
  'g',
);
const MONTH_NAME_DATE =
  /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? [0-9]{1,2}(?:st|nd|rd|th)?,? [0-9]{4}|[0-9]{1,2}(?:st|nd|rd|th)?(?: of)?[ -](?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?,?[ -][0-9]{4}/g;

/** A date followed by 生, as forms write "born" short (昭和60年4月12日生, S55.4.12生, 1980/4/12生). */
const BORN_SUFFIX = '生';
const BORN = 0x751f; // 生
/** 生 that starts another word after a date: 生命 (life insurance), 生活, 生産, 生協, 生徒, 生鮮. */
const NOT_BORN_AFTER = new Set([0x547d, 0x6d3b, 0x7523, 0x5354, 0x5f92, 0x9bae]);

function bornRightAfter(text: string, end: number): boolean {
  return text.charCodeAt(end) === BORN && !NOT_BORN_AFTER.has(text.charCodeAt(end + 1));
}

/** The columns of a comma- or tab-separated text whose header names a birth date (`acct_id,email,phone,dob`, `顧客ID,電話番号,生年月日`). */
function birthColumns(text: string): TableColumns | null {
  return namedColumns(text, (field) => nameSays(describeName(field), NAME_WORDS, NAME_PHRASES));
}

/** A birth word on the date's own row of a table (`Taro,DOB 1980-01-02`), not the header's. */
function birthWordOnItsLine(text: string, start: number, end: number): boolean {
  const line = rowAround(text, start);
  if (line === null) return false;
  return hasContextWordNear({ text: text.slice(line.start, line.end) }, start - line.start, end - line.start, CONTEXT);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Dates of birth: a written date (1990-01-15, 01/15/1990, 1/15/90, 15.01.1990, 19900115,
 * 1990年1月15日, 平成2年1月15日, H2.1.15, Jan 15, 1990, 15-Jan-1990) only when a birth word sits next to it or the attribute is named so.
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
    const bornSuffix = text.includes(BORN_SUFFIX);
    if ((input.labelFamilies() & LABEL_FAMILY.birth) === 0 && !bornSuffix && !birthNamed(attributeName)) return findings;
    const named = birthNamed(attributeName);
    // Read once: most texts hold no line break, and then no table.
    const table = named ? null : birthColumns(text);
    const { lower } = input;
    for (const [pattern, haystack] of [
      [NUMERIC_DATE, text],
      [MONTH_NAME_DATE, lower],
    ] as const) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(haystack); match !== null; match = pattern.exec(haystack)) {
        const start = match.index;
        const end = start + match[0].length;
        if ((start > 0 && isDigit(text.charCodeAt(start - 1))) || (end < text.length && isDigit(text.charCodeAt(end)))) {
          // A match inside a longer number ("…3683 11/20/1973" read from a year 3683) may hide the
          // date that starts within it: look again from the next character.
          pattern.lastIndex = start + 1;
          continue;
        }
        // Below a header that names its birth-date columns, the column decides: the header's word
        // is near every value of the first rows, visit dates too.
        const column = table === null ? -1 : columnOf(text, table, start);
        const birthWord =
          table !== null && column >= 0
            ? table.columns[column] === true || birthWordOnItsLine(text, start, end)
            : hasContextWordNear(input, start, end, CONTEXT);
        if (named || (bornSuffix && bornRightAfter(text, end)) || birthWord) {
          findings.push({ kind: 'dob', start, end, detector: 'dob' });
        }
      }
    }
    return findings;
  },
};

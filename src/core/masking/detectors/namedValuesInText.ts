import type { Detector, Finding } from '../Finding.ts';
import { namedValueFinding } from './namedValueFinding.ts';

/**
 * A value whose key in the text names it, as JSON and key=value texts carry contact attributes,
 * CRM records and logged requests (`{"lastFourSSN":"3684"}`, `dateOfBirth=04121980;tier=GOLD`,
 * `{"cvv":"714","exp":"0927"}`, `"securityAnswer":"たかはし"`): the key is read as an attribute's
 * name is (the built-in name rules), so a value the content alone would not give away (a four-digit
 * PIN, a date as eight digits, a security answer in words) takes the kind its key says.
 *
 * Bounded quantifiers only. A key's value is read when it holds a letter or a digit and is no flag
 * or placeholder (`true`, `null`, `n/a`).
 */
const JSON_PAIR =
  /"([A-Za-z_\u3040-\u30ff\u4e00-\u9fff][\w.\-\u3040-\u30ff\u4e00-\u9fff]{0,63})"[ \t]{0,4}:[ \t]{0,4}(?:"([^"\\\n]{1,200})"|(-?[0-9][0-9.]{0,39}))/g;
// A key=value value is ASCII up to the next separator: Japanese written straight after it is the sentence's.
const KEY_VALUE = /(?<![\w.-])([A-Za-z_][\w.-]{0,63})=([^\s;&|,"'<>\u0080-\uffff]{1,200})/g;
const PLACEHOLDER = /^(?:true|false|null|none|n\/a|na|yes|no|unknown|undefined|\*+|x+|•+|masked|redacted|-+)$/i;
const HOLDS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DETECTOR = 'namedInText';

function read(name: string, value: string, end: number, findings: Finding[]): void {
  if (PLACEHOLDER.test(value) || !HOLDS_LETTER_OR_DIGIT.test(value)) return;
  const finding = namedValueFinding(name, end - value.length, end, DETECTOR);
  if (finding !== null) findings.push(finding);
}

/** The values of `text` (normalised) that their keys name, as findings; the audit masker hides them too. */
export function namedValuesIn(text: string): Finding[] {
  const findings: Finding[] = [];
  // Most values hold neither a JSON key nor an "=": two native scans.
  if (text.includes('":')) {
    JSON_PAIR.lastIndex = 0;
    for (const pair of text.matchAll(JSON_PAIR)) {
      const value = pair[2] ?? pair[3] ?? '';
      // A string value ends before its closing quote.
      read(pair[1] ?? '', value, pair.index + pair[0].length - (pair[2] === undefined ? 0 : 1), findings);
    }
  }
  if (text.includes('=')) {
    KEY_VALUE.lastIndex = 0;
    for (const pair of text.matchAll(KEY_VALUE)) read(pair[1] ?? '', pair[2] ?? '', pair.index + pair[0].length, findings);
  }
  return findings;
}

export const namedValuesInTextDetector: Detector = {
  name: DETECTOR,
  detect: ({ text }) => namedValuesIn(text),
};

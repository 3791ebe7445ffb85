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
/** The longest key and value read around an "=". */
const MAX_KEY = 64;
const MAX_VALUE = 200;

function isKeyChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 0x5f || code === 0x2e || code === 0x2d;
}
/** A key=value value is ASCII up to the next separator: Japanese written straight after it is the sentence's. */
function isValueChar(code: number): boolean {
  return (
    code > 0x20 &&
    code < 0x7f &&
    code !== 0x3b &&
    code !== 0x26 &&
    code !== 0x7c &&
    code !== 0x2c &&
    code !== 0x22 &&
    code !== 0x27 &&
    code !== 0x3c &&
    code !== 0x3e
  );
}
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
  // key=value pairs, read outwards from each "=" (a scan of the text's words for one cost 4 % of a long text's time).
  for (let sign = text.indexOf('='); sign >= 0; sign = text.indexOf('=', sign + 1)) {
    let keyStart = sign;
    while (keyStart > 0 && sign - keyStart < MAX_KEY && isKeyChar(text.charCodeAt(keyStart - 1))) keyStart--;
    const first = text.charCodeAt(keyStart);
    if (keyStart === sign || (keyStart > 0 && isKeyChar(text.charCodeAt(keyStart - 1))) || !(first === 0x5f || ((first | 0x20) >= 97 && (first | 0x20) <= 122)))
      continue;
    let valueEnd = sign + 1;
    while (valueEnd < text.length && valueEnd - sign <= MAX_VALUE && isValueChar(text.charCodeAt(valueEnd))) valueEnd++;
    if (valueEnd === sign + 1) continue;
    read(text.slice(keyStart, sign), text.slice(sign + 1, valueEnd), valueEnd, findings);
  }
  return findings;
}

export const namedValuesInTextDetector: Detector = {
  name: DETECTOR,
  detect: ({ text }) => namedValuesIn(text),
};

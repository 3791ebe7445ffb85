import { LABEL_FAMILY } from '../labelMentions.ts';
import type { Detector, Finding } from '../Finding.ts';

const DETECTOR = 'idDocument';

// A document's label and what people put before its number ("passport no.", "DL#", "旅券番号",
// "免許証番号：", "第…号"), then the number: letters and digits as documents print them (US 9
// digits or a letter and 8; UK licence MORGA753116SM9IJ; Japan TR4827193, a 12-digit licence,
// a residence card AB12345678CD), or digit groups read out ("492 817 305", "S530-472-81-234-0", one
// digit at a time "5 4 2 1 9 0 3 7 6"). Also a German identity card (Personalausweis L01X00T47) and a
// Japanese health insurance card's 記号・番号 (４７１２０３・２２), which the law keeps from being
// asked for or kept (健康保険法 告知要求制限). Bounded: linear per start.
const LABELLED =
  /(?:(passport|旅券|パスポート)(?: card)?(?:[ .]?(?:number|num|no|#)|番号)?|((?:driver'?s?|driving) licen[cs]e|driver'?s? lic|dln?)(?:[ .]?(?:number|num|no|#))?|(?:運転)?免許証?の?番号|運転免許証|(在留カード|uscis|a-number|alien (?:registration )?(?:number|no)|green card)(?:の?番号| ?#| number| no\.?)?|(personalausweis|ausweis)(?:[ .-]?(?:nummer|nr|number|no|#))?|((?:健康)?保険証)の? ?記号[・ ]?番号)(?![a-z])[ \t:#=.："'は,*`（(-]{0,4}(?:[A-Z]{2} (?![0-9]{4} ?[0-9]{4} [a-z]{2}(?![0-9a-z])))?第? ?([a-z]{2} [0-9]{4} ?[0-9]{4} [a-z]{2}|[a-z]{1,2}[、 ][0-9]{6,9}|[a-z]{0,5}[0-9]{2,14}[a-z0-9]{0,6}(?:[ ・-][0-9]{1,4}){0,4}|[0-9](?: [0-9]){5,13})(?![0-9a-z])/gi;

/**
 * A UK driving licence number after "licence number" alone: that label also names software
 * licences, so only the DVLA's own shape counts (five letters of the surname, six digits of the
 * birth date, initials, a digit, two letters: MORGA753116SM9IJ).
 */
const UK_LICENCE = /licen[cs]e[ .]?(?:number|no\.?|#)[ \t:#=.："'*`-]{0,4}([a-z9]{5}[0-9]{6}[a-z9]{2}[0-9][a-z]{2})(?![0-9a-z])/gi;

/** Fewer digits than this are a count, a year or a speed, not a document number. */
const MIN_DIGITS = 6;

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function digitCount(value: string): number {
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits;
}

/**
 * Identity document numbers under their label — passport, driving licence, residence card
 * (在留カード) — as callers read them out to prove who they are. The label decides: the shapes
 * alone are any reference. "DL" counts in capitals only ("dl the app" is a download). The number
 * must hold six digits or more, so a year or a count after the label stays ("passport renewal 2031").
 */
export const identityDocumentDetector: Detector = {
  name: DETECTOR,
  detect(input) {
    const findings: Finding[] = [];
    const { text } = input;
    // A label must occur before the pattern runs; most values hold none.
    if ((input.labelFamilies() & LABEL_FAMILY.idDocument) === 0) return findings;
    LABELLED.lastIndex = 0;
    for (const match of text.matchAll(LABELLED)) {
      if (match.index > 0 && isAsciiLetter(text.charCodeAt(match.index - 1))) continue;
      const licence = match[2];
      if (licence !== undefined && licence.length <= 3 && licence !== licence.toUpperCase()) continue;
      const value = match[6] ?? '';
      if (digitCount(value) < MIN_DIGITS) continue;
      const end = match.index + match[0].length;
      const sort =
        match[1] !== undefined
          ? 'passport'
          : match[3] !== undefined
            ? 'residenceCard'
            : match[4] !== undefined
              ? 'idCard'
              : match[5] !== undefined
                ? 'healthInsurance'
                : 'driverLicence';
      findings.push({ kind: 'idDocument', start: end - value.length, end, detector: `${DETECTOR}:${sort}` });
    }
    UK_LICENCE.lastIndex = 0;
    for (const match of text.matchAll(UK_LICENCE)) {
      const value = match[1] ?? '';
      const end = match.index + match[0].length;
      if (!findings.some((f) => f.start < end && f.end > end - value.length))
        findings.push({ kind: 'idDocument', start: end - value.length, end, detector: `${DETECTOR}:driverLicence` });
    }
    return findings;
  },
};

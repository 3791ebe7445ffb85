import { ValidationErrorsIBAN, getCountrySpecifications, validateIBAN } from 'ibantools';
import type { Detector, Finding } from '../Finding.ts';

/** Each country's IBAN length, indexed by its two letters (A = 0 … Z = 25, first * 26 + second); 0 for no IBAN country. */
const countryLengths = new Uint8Array(26 * 26);
for (const [code, spec] of Object.entries(getCountrySpecifications())) {
  if (spec.chars && /^[A-Z]{2}$/.test(code)) countryLengths[(code.charCodeAt(0) - 65) * 26 + (code.charCodeAt(1) - 65)] = spec.chars;
}

/** The IBAN length of the country whose code the two letters at `i` spell (in either case), or undefined. */
function countryLengthAt(text: string, i: number): number | undefined {
  const first = (text.charCodeAt(i) | 0x20) - 97;
  const second = (text.charCodeAt(i + 1) | 0x20) - 97;
  const length = countryLengths[first * 26 + second] ?? 0;
  return length === 0 ? undefined : length;
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** One more character of an IBAN read as a number mod 97: a digit is itself, a letter two digits (A = 10 … Z = 35). */
function mod97Step(remainder: number, code: number): number {
  if (code <= 57) return (remainder * 10 + (code - 48)) % 97;
  const value = (code >= 97 ? code - 32 : code) - 55;
  return (remainder * 100 + value) % 97;
}

/** The electronic form of a print-form stretch (or of its BBAN), upper case, for ibantools. */
function compactForm(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/ /g, '').toUpperCase();
}

/**
 * ISO 13616 makes an IBAN: the country's length and BBAN format, and the mod-97 check digits. A
 * national check digit inside the BBAN (Belgium, Spain, France, …) is the bank's own rule; a
 * string that passes mod-97 but not it is still an account number written as an IBAN (generated
 * test data often is), so it is masked rather than shown.
 */
function meetsIso13616(iban: string): boolean {
  const { valid, errorCodes } = validateIBAN(iban);
  return valid || errorCodes.every((code) => code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
}

/** A stretch written like an IBAN: a country code, two digits and exactly that country's length. */
export interface IbanShape {
  start: number;
  end: number;
  /** The country's length and BBAN format and the mod-97 check digits hold (`meetsIso13616`). */
  valid: boolean;
}

/**
 * Every IBAN-shaped stretch, valid or not: electronic (`DE89370400440532013000`) or print form
 * (`DE89 3704 0044 0532 0130 00`, single spaces between characters). Letters or digits glued on
 * either side do not stop it ("orderDE89…"): with the country's exact length and mod-97, a false
 * match is rare, and a missed IBAN is worse. The invalid ones matter too: their digit groups are a
 * reference, not a card or a My Number (`createMaskingEngine` drops number findings inside them).
 */
export function findIbanShapes(text: string, digitSpans: readonly { start: number; end: number }[]): IbanShape[] {
  const shapes: IbanShape[] = [];
  let scannedUntil = 0;
  // The check digits follow two letters, so they start a digit span: only those spans are candidates.
  for (const span of digitSpans) {
    const i = span.start - 2;
    if (i < scannedUntil || span.end - span.start < 2) continue;
    if (!isLetter(text.charCodeAt(i)) || !isLetter(text.charCodeAt(i + 1))) continue;
    const length = countryLengthAt(text, i);
    if (length === undefined) continue;
    let count = 0;
    // ibantools' checksum rule, kept while walking: the BBAN (everything after the first four
    // characters), then the country code, then "00", read as one number mod 97.
    let remainder = 0;
    let j = i;
    while (j < text.length && count < length) {
      const code = text.charCodeAt(j);
      if (isAlnum(code)) {
        if (count >= 4) remainder = mod97Step(remainder, code);
        count++;
        j++;
      } else if (code === 0x20 && count > 0 && j + 1 < text.length && isAlnum(text.charCodeAt(j + 1))) {
        j++;
      } else {
        break;
      }
    }
    if (count !== length) continue;
    remainder = mod97Step(mod97Step(remainder, text.charCodeAt(i)), text.charCodeAt(i + 1));
    remainder = (remainder * 100) % 97;
    const checkDigits = (text.charCodeAt(i + 2) - 48) * 10 + (text.charCodeAt(i + 3) - 48);
    // The length and the two check digits hold by construction; the checksum is already known
    // without building a string, so only a stretch that passes it costs ibantools' format check.
    const valid = 98 - remainder === checkDigits && meetsIso13616(compactForm(text, i, j));
    if (valid) {
      shapes.push({ start: i, end: j, valid });
      scannedUntil = j;
    } else if (isUpper(text.charCodeAt(i)) && isUpper(text.charCodeAt(i + 1)) && !isAlnum(text.charCodeAt(i - 1))) {
      // Only a stretch that starts like a written IBAN ("DE00 1234 …", not "please78 3 94…") counts as a reference.
      shapes.push({ start: i, end: j, valid });
    }
  }
  return shapes;
}

export const ibanDetector: Detector = {
  name: 'iban',
  detect(input) {
    const findings: Finding[] = [];
    for (const shape of input.ibanShapes()) if (shape.valid) findings.push({ kind: 'iban', start: shape.start, end: shape.end, detector: 'iban' });
    return findings;
  },
};

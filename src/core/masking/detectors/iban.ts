import { countrySpecs } from 'ibantools';
import type { Detector, Finding } from '../Finding.ts';

/** A character class of ibantools' BBAN formats: digits, letters (the BBAN is upper-cased before the check), either. */
const DIGIT = 0;
const LETTER = 1;
const ALNUM = 2;

/** One country's IBAN rules, from ibantools' own table, compiled once. */
interface Country {
  /** The IBAN's length. */
  chars: number;
  /**
   * ibantools' BBAN format as runs of one class, when it is one of the simple shapes it uses
   * (`^[A-Z]{4}[0-9]{14}$`): checked on the text in place, with no string. Else null, and `format` is used.
   */
  runs: ReadonlyArray<readonly [cls: number, count: number]> | null;
  /** ibantools' format itself, for the few it writes otherwise; null when it gives none (then no format is asked). */
  format: RegExp | null;
}

const CLASS_OF: Readonly<Record<string, number>> = { '[0-9]': DIGIT, '[A-Z]': LETTER, '[A-Z0-9]': ALNUM, '[0-9A-Z]': ALNUM };
const SIMPLE_FORMAT = /^\^((?:\[(?:0-9|A-Z|A-Z0-9|0-9A-Z)\]\{[0-9]+\})+)\$$/;
const FORMAT_RUN = /(\[[^\]]+\])\{([0-9]+)\}/g;

function runsOf(format: string, bbanLength: number): Array<[number, number]> | null {
  const simple = SIMPLE_FORMAT.exec(format);
  if (simple === null) return null;
  const runs: Array<[number, number]> = [];
  let total = 0;
  for (const match of (simple[1] ?? '').matchAll(FORMAT_RUN)) {
    const cls = CLASS_OF[match[1] ?? ''];
    const count = Number(match[2]);
    if (cls === undefined) return null;
    runs.push([cls, count]);
    total += count;
  }
  // A format whose runs do not add up to the BBAN's length never matches; the regex says so.
  return total === bbanLength ? runs : null;
}

/** Each IBAN country, indexed by its two letters (A = 0 … Z = 25, first * 26 + second). */
const countries: Array<Country | undefined> = new Array<Country | undefined>(26 * 26).fill(undefined);
for (const [code, spec] of Object.entries(countrySpecs)) {
  if (spec.chars === undefined || spec.chars === 0 || !/^[A-Z]{2}$/.test(code)) continue;
  const format = spec.bban_regexp ?? null;
  countries[(code.charCodeAt(0) - 65) * 26 + (code.charCodeAt(1) - 65)] = {
    chars: spec.chars,
    runs: format === null ? null : runsOf(format, spec.chars - 4),
    format: format === null ? null : new RegExp(format, ''),
  };
}

/** The country whose code the two letters at `i` spell (in either case), or undefined. */
function countryAt(text: string, i: number): Country | undefined {
  const first = (text.charCodeAt(i) | 0x20) - 97;
  const second = (text.charCodeAt(i + 1) | 0x20) - 97;
  if (first < 0 || first > 25 || second < 0 || second > 25) return undefined;
  return countries[first * 26 + second];
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
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

/** The remainder is reduced mod 97 only once it has grown this large: it stays an exact small integer, with one division every few characters instead of each. */
const REDUCE_ABOVE = 10_000_000;

/** One more character of an IBAN read as a number (mod 97 once reduced): a digit is itself, a letter two digits (A = 10 … Z = 35). */
function mod97Step(remainder: number, code: number): number {
  const next = code <= 57 ? remainder * 10 + (code - 48) : remainder * 100 + ((code >= 97 ? code - 32 : code) - 55);
  return next >= REDUCE_ABOVE ? next % 97 : next;
}

const PRINT_SEPARATORS = /[ -]/g;

/** The electronic form of a print-form stretch (or of its BBAN), upper case, for ibantools' format. */
function compactForm(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(PRINT_SEPARATORS, '').toUpperCase();
}

/** What separates the groups of a print form: a space, or a dash as some systems print them. */
function isPrintSeparator(code: number): boolean {
  return code === 0x20 || code === 0x2d;
}

/**
 * The country's BBAN format holds for the BBAN written at [start, end) (single spaces or dashes
 * allowed, either case, its length already the country's), as ibantools' format regex says of its
 * electronic form upper-cased: read in place for the simple formats, no string.
 */
function meetsFormat(country: Country, text: string, start: number, end: number): boolean {
  const { runs, format } = country;
  if (runs === null) return format === null || format.test(compactForm(text, start, end));
  let at = start;
  for (const [cls, count] of runs) {
    for (let n = 0; n < count; n++, at++) {
      let code = text.charCodeAt(at);
      if (isPrintSeparator(code)) code = text.charCodeAt(++at);
      if (cls === DIGIT ? !isDigit(code) : cls === LETTER && !isLetter(code)) return false;
    }
  }
  return true;
}

/** A stretch written like an IBAN: a country code, two digits and exactly that country's length. */
export interface IbanShape {
  start: number;
  end: number;
  /** The country's length and BBAN format and the mod-97 check digits hold (ISO 13616). */
  valid: boolean;
}

/**
 * Every IBAN-shaped stretch, valid or not: electronic (`DE89370400440532013000`) or print form
 * (`DE89 3704 0044 0532 0130 00`, single spaces between characters; or single dashes,
 * `DE89-3704-0044-0532-0130-00`, as some bank and CRM screens print it; a mix is read too, as
 * showing part of an IBAN would be worse than a rare false match under mod-97). Letters or digits
 * glued on either side do not stop it ("orderDE89…"): with the country's exact length and mod-97, a false
 * match is rare, and a missed IBAN is worse. The invalid ones matter too: their digit groups are a
 * reference, not a card or a My Number (`createMaskingEngine` drops number findings inside them).
 *
 * Valid is ISO 13616: the country's length and BBAN format and the mod-97 check digits. A national
 * check digit inside the BBAN (Belgium, Spain, France, …) is the bank's own rule; a string that
 * passes mod-97 but not it is still an account number written as an IBAN (generated test data often
 * is), so it is masked rather than shown. The rules are ibantools' table, compiled once and read in
 * place; `tests/unit/masking/ibanValidation.test.ts` compares the answer with ibantools'
 * `validateIBAN` on every country.
 */
export function findIbanShapes(text: string, digitSpans: readonly { start: number; end: number }[]): IbanShape[] {
  const shapes: IbanShape[] = [];
  let scannedUntil = 0;
  // The check digits follow two letters, so they start a digit span: only those spans are candidates.
  for (const span of digitSpans) {
    const i = span.start - 2;
    if (i < scannedUntil || span.end - span.start < 2) continue;
    const country = countryAt(text, i);
    if (country === undefined) continue;
    const length = country.chars;
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
      } else if (isPrintSeparator(code) && count > 0 && j + 1 < text.length && isAlnum(text.charCodeAt(j + 1))) {
        j++;
      } else {
        break;
      }
    }
    if (count !== length) continue;
    remainder = mod97Step(mod97Step(remainder, text.charCodeAt(i)), text.charCodeAt(i + 1));
    remainder = (remainder * 100) % 97;
    const checkDigits = (text.charCodeAt(i + 2) - 48) * 10 + (text.charCodeAt(i + 3) - 48);
    // The length and the two check digits hold by construction and the checksum is known without
    // a string, so only a stretch that passes it has its BBAN's format read.
    const bbanStart = isPrintSeparator(text.charCodeAt(i + 4)) ? i + 5 : i + 4;
    const valid = 98 - remainder === checkDigits && meetsFormat(country, text, bbanStart, j);
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

import { ValidationErrorsIBAN, countrySpecs, validateIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { seededRandom, type SeededRandom } from '../../../bench/corpus/seededRandom.ts';
import { findIbanShapes } from '../../../src/core/masking/detectors/iban.ts';
import { scanCandidates } from '../../../src/core/masking/scanCandidates.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** A BBAN drawn from ibantools' format (`^[A-Z]{4}[0-9]{14}$`); with `wrongClass`, one character of the other class. */
function bbanFor(format: string, random: SeededRandom, wrongClass: boolean): string {
  let bban = '';
  for (const [, cls, count] of format.matchAll(/\[([^\]]+)\]\{([0-9]+)\}/g)) {
    const pool = cls === '0-9' ? DIGITS : cls === 'A-Z' ? LETTERS : DIGITS + LETTERS;
    for (let n = 0; n < Number(count); n++) bban += pool.charAt(random.int(pool.length));
  }
  if (!wrongClass) return bban;
  const at = random.int(bban.length);
  return bban.slice(0, at) + (/[0-9]/.test(bban.charAt(at)) ? 'Q' : '7') + bban.slice(at + 1);
}

/** ISO 13616's check digits, computed here from the definition (BBAN, country, "00" as one number mod 97). */
function checkDigits(country: string, bban: string): string {
  const numeric = [...`${bban}${country}00`].map((char) => (/[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55))).join('');
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

/** What the engine took from ibantools before reading its table in place: valid, or failing only the national check. */
function libraryAnswer(electronic: string): boolean {
  const { valid, errorCodes } = validateIBAN(electronic);
  return valid || errorCodes.every((code) => code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
}

function shapeValid(text: string): boolean {
  return findIbanShapes(text, scanCandidates(text).digitSpans).some((shape) => shape.start === 0 && shape.end === text.length && shape.valid);
}

/**
 * The IBAN detector reads ibantools' country table (length, BBAN format) in place instead of
 * handing ibantools a string per candidate; on every IBAN country, for valid and broken candidates
 * in electronic and print form (spaces, dashes, both), in both cases, it must give ibantools' answer.
 */
describe('IBAN validation against ibantools', () => {
  it('gives validateIBAN’s answer on every country (valid, wrong check digits, wrong character class; electronic and print form with spaces or dashes)', () => {
    const random = seededRandom(20261202);
    const wrong: Array<{ text: string; library: boolean }> = [];
    let compared = 0;
    let valid = 0;
    const countries = Object.entries(countrySpecs).filter(([code, spec]) => /^[A-Z]{2}$/.test(code) && spec.chars !== undefined);
    const countriesWithValid = new Set<string>();
    for (const [code, spec] of countries) {
      for (let n = 0; n < 40; n++) {
        const bban = bbanFor(spec.bban_regexp ?? '', random, n % 4 === 3);
        const digits = n % 4 === 2 ? random.digits(2) : checkDigits(code, bban);
        const electronic = `${code}${digits}${bban}`;
        const grouped = electronic.replace(/(.{4})(?=.)/g, '$1 ');
        // Dashes as some bank screens print them, and one space turned into a dash.
        const dashed = grouped.replace(/ /g, '-');
        const mixed = grouped.replace(' ', '-');
        for (const text of [electronic, grouped, grouped.toLowerCase(), dashed, mixed]) {
          const library = libraryAnswer(text.replace(/[ -]/g, '').toUpperCase());
          compared++;
          if (library) {
            valid++;
            countriesWithValid.add(code);
          }
          if (shapeValid(text) !== library) wrong.push({ text, library });
        }
      }
    }
    expect({ wrong: wrong.slice(0, 10), count: wrong.length }).toEqual({ wrong: [], count: 0 });
    // Both answers occur, and every country has valid candidates.
    expect(countries.length).toBeGreaterThan(70);
    expect(countriesWithValid.size).toBe(countries.length);
    expect(valid).toBeGreaterThan(compared / 4);
    expect(compared - valid).toBeGreaterThan(compared / 4);
  });
});

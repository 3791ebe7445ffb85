import { getCountries, getCountryCallingCode, getExampleNumber, isPossiblePhoneNumber, isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it, vi } from 'vitest';
import { corpusOutputs } from '../../../bench/corpus/corpusOutputs.ts';
import { seededRandom } from '../../../bench/corpus/seededRandom.ts';
import type * as Validation from '../../../src/core/phone/compiledPhoneValidation.ts';

/** Every (country, written number) the engines ask about while the whole recorded corpus is masked. */
const asked = new Map<string, { written: string; country: CountryCode | undefined }>();

vi.mock('../../../src/core/phone/compiledPhoneValidation.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Validation>();
  return {
    isValidWrittenPhoneNumber(written: string, country?: CountryCode): boolean {
      asked.set(`${country ?? '+'} ${written}`, { written, country });
      return actual.isValidWrittenPhoneNumber(written, country);
    },
    isPossibleWrittenPhoneNumber(written: string, country?: CountryCode): boolean {
      asked.set(`${country ?? '+'} ${written}`, { written, country });
      return actual.isPossibleWrittenPhoneNumber(written, country);
    },
  };
});

const { isPossibleWrittenPhoneNumber, isValidWrittenPhoneNumber } = await vi.importActual<typeof Validation>(
  '../../../src/core/phone/compiledPhoneValidation.ts',
);

interface Disagreement {
  written: string;
  country: string;
  /** Which answer differs: `valid` (`isValidPhoneNumber`) or `possible` (`isPossiblePhoneNumber`). */
  question: 'valid' | 'possible';
  library: boolean;
}

function disagreements(cases: Iterable<{ written: string; country: CountryCode | undefined }>): { compared: number; valid: number; wrong: Disagreement[] } {
  let compared = 0;
  let valid = 0;
  const wrong: Disagreement[] = [];
  for (const { written, country } of cases) {
    const library = isValidPhoneNumber(written, country);
    compared++;
    if (library) valid++;
    if (isValidWrittenPhoneNumber(written, country) !== library) wrong.push({ written, country: country ?? '(international)', question: 'valid', library });
    const possible = isPossiblePhoneNumber(written, country);
    if (isPossibleWrittenPhoneNumber(written, country) !== possible)
      wrong.push({ written, country: country ?? '(international)', question: 'possible', library: possible });
  }
  return { compared, valid, wrong: wrong.slice(0, 20) };
}

/** Calling codes that belong to no country (+800 freephone, +882 networks, …). */
const NON_GEOGRAPHIC = ['800', '808', '870', '878', '881', '882', '883', '888', '979'];

/**
 * Numbers for every country the library knows. Each starts from a number of the country: its
 * mobile example with its last digits changed, with a digit more or fewer, or random digits of
 * about its length; each is then written as dialled in that country (plain, after the national
 * prefix, after the calling code without a +, after the international dialling prefix) and
 * internationally, with and without the country. So valid and invalid numbers, every prefix rule
 * (the transform rules of AR, BR and JP's 000 numbers, NANP islands, GG/IM/JE), each type's
 * lengths and calling codes shared by several countries are all met.
 */
function generatedNumbers(seed: number): Array<{ written: string; country: CountryCode | undefined }> {
  const random = seededRandom(seed);
  const out: Array<{ written: string; country: CountryCode | undefined }> = [];
  const write = (digits: string): string => {
    const shape = random.int(4);
    if (shape === 0 || digits.length < 6) return digits;
    if (shape === 1) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
    if (shape === 2) return `(${digits.slice(0, 3)}) ${digits.slice(3)}`;
    return `${digits.slice(0, 2)} ${digits.slice(2, 6)} ${digits.slice(6)}`.trim();
  };
  for (const country of getCountries()) {
    const callingCode = getCountryCallingCode(country);
    const example = getExampleNumber(country, examples)?.nationalNumber ?? random.digits(9);
    const prefixes = ['', '0', '1', '8', '9', '00', '011', '010', callingCode, `0${callingCode}`, `00${callingCode}`, `011${callingCode}`];
    for (let i = 0; i < 30; i++) {
      const kind = random.int(5);
      let national: string;
      if (kind <= 1) national = example.slice(0, Math.max(1, example.length - 1 - random.int(4))) + random.digits(1 + random.int(4));
      else if (kind === 2) national = example.slice(0, Math.max(1, example.length - 1 - random.int(3)));
      else if (kind === 3) national = example + random.digits(1 + random.int(2));
      else national = random.digits(Math.max(3, example.length - 3 + random.int(6)));
      for (const prefix of prefixes) {
        if (prefix !== '' && random.int(3) !== 0) continue;
        out.push({ written: write(prefix + national), country });
      }
      out.push({ written: `+${callingCode} ${write(national)}`, country: undefined });
      out.push({ written: write(national), country: undefined });
    }
  }
  for (const callingCode of NON_GEOGRAPHIC) {
    for (let i = 0; i < 40; i++) out.push({ written: `+${callingCode} ${write(random.digits(6 + random.int(8)))}`, country: undefined });
  }
  return out;
}

describe('phone validation without the library on every call', () => {
  it('gives libphonenumber-js’s answer for every phone-shaped candidate of the recorded corpus', () => {
    corpusOutputs();
    const result = disagreements(asked.values());
    // Thousands of candidates, national in US, JP and GB and international, valid ones among them.
    expect(result.compared).toBeGreaterThan(4_000);
    expect(result.valid).toBeGreaterThan(1_500);
    expect(result.wrong).toEqual([]);
  }, 120_000);

  it('gives libphonenumber-js’s answer for generated numbers of every country', () => {
    const result = disagreements(generatedNumbers(20261202));
    expect(result.compared).toBeGreaterThan(40_000);
    expect(result.valid).toBeGreaterThan(3_000);
    expect(result.wrong).toEqual([]);
  }, 120_000);

  it('hands anything but digits, spaces, dashes, dots, parentheses and a leading + to the library', () => {
    const odd = ['+1 213 373 4253 ext. 12', 'tel:+12133734253', '+1 (213) 373-4253 #7', '２１３ ３７３ ４２５３', '213/373/4253', '12', '+', '++12133734253'];
    const result = disagreements(
      odd.flatMap((written) => [
        { written, country: 'US' as CountryCode },
        { written, country: undefined },
      ]),
    );
    expect(result.wrong).toEqual([]);
  });
});

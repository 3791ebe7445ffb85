import { readFileSync } from 'node:fs';
import * as max from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { generatePhoneCountriesModule, PHONE_COUNTRIES_PATH } from '../../../scripts/generate-phone-metadata.ts';
import { isPhoneCountry } from '../../../src/core/phone/phoneCountries.ts';
import {
  isSupportedCountry,
  isPossiblePhoneNumber,
  isValidPhoneNumber,
  Metadata,
  parsePhoneNumberFromString,
  parsePhoneNumberWithError,
} from '../../../src/core/phone/phoneLibrary.ts';

describe('phoneLibrary (libphonenumber-js with the max metadata)', () => {
  it('holds the installed libphonenumber-js max metadata’s countries', () => {
    expect(readFileSync(PHONE_COUNTRIES_PATH, 'utf8'), 'run: npx tsx scripts/generate-phone-metadata.ts').toBe(generatePhoneCountriesModule());
  });

  it('isPhoneCountry answers as isSupportedCountry of libphonenumber-js/max', () => {
    const codes = new Set<string>([...max.getCountries(), 'XX', 'ZZ', 'UK', 'us', '', '001', 'JPN']);
    for (let a = 65; a <= 90; a += 1) for (let b = 65; b <= 90; b += 1) codes.add(String.fromCharCode(a, b));
    for (const code of codes) expect(isPhoneCountry(code), code).toBe(max.isSupportedCountry(code));
  });

  it('answers as libphonenumber-js/max for every country and example number', () => {
    const countries = max.getCountries();
    expect(countries.length).toBeGreaterThan(200);
    for (const code of [...countries, 'XX', 'ZZ', 'us', '']) expect(isSupportedCountry(code), code).toBe(max.isSupportedCountry(code));
    for (const country of countries) {
      const national = max.getExampleNumber(country, examples)?.formatNational() ?? '';
      for (const written of [national, `+${max.getCountryCallingCode(country)} ${national}`, `${national}9`, '12']) {
        expect(parsePhoneNumberFromString(written, country)?.number, `${country} ${written}`).toBe(max.parsePhoneNumberFromString(written, country)?.number);
        expect(isValidPhoneNumber(written, country), `${country} ${written}`).toBe(max.isValidPhoneNumber(written, country));
        expect(isPossiblePhoneNumber(written, country), `${country} ${written}`).toBe(max.isPossiblePhoneNumber(written, country));
      }
      const ours = new Metadata();
      const theirs = new max.Metadata();
      ours.selectNumberingPlan(country);
      theirs.selectNumberingPlan(country);
      expect(ours.numberingPlan?.possibleLengths(), country).toEqual(theirs.numberingPlan?.possibleLengths());
    }
    expect(parsePhoneNumberFromString('+81 3-1234-5678')?.number).toBe(max.parsePhoneNumberFromString('+81 3-1234-5678')?.number);
    expect(() => parsePhoneNumberWithError('not a number')).toThrow(max.ParseError);
  });
});

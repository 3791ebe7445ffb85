import type { CountryCode } from 'libphonenumber-js/core';
import { PHONE_COUNTRIES } from './phoneCountries.generated.js';

const COUNTRIES: ReadonlySet<string> = new Set(PHONE_COUNTRIES);

/**
 * `isSupportedCountry` of libphonenumber-js (max metadata), from the list of its countries alone:
 * policy validation and the candidate countries only ask whether a code is one, and the service
 * worker, which runs both, then needs no phone metadata until caller risk reads a number.
 */
export function isPhoneCountry(country: string): country is CountryCode {
  return COUNTRIES.has(country);
}

import {
  Metadata as MetadataOf,
  isPossiblePhoneNumber as isPossiblePhoneNumberIn,
  isSupportedCountry as isSupportedCountryIn,
  isValidPhoneNumber as isValidPhoneNumberIn,
  parsePhoneNumberFromString as parsePhoneNumberFromStringIn,
  parsePhoneNumberWithError as parsePhoneNumberWithErrorIn,
  type CountryCode,
  type MetadataJson,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/max/metadata';

export { ParseError, type CountryCode, type PhoneNumber } from 'libphonenumber-js/core';

/**
 * libphonenumber-js with its *max* metadata, as `libphonenumber-js/max` exports it, for pages and the
 * CLI. The service worker does not load this module: it fetches the same metadata as JSON when
 * caller risk first reads a number (`loadPhoneMetadata.ts`), so a wake parses none of it. A unit test
 * compares these functions with `libphonenumber-js/max`.
 */

/** The max metadata (for `libphonenumber-js/core` functions that take it, as the caller-risk code does). */
export function phoneMetadata(): MetadataJson {
  return maxMetadata;
}

type DefaultCountry = CountryCode | { defaultCountry?: CountryCode; defaultCallingCode?: string; extract?: boolean };

export function isSupportedCountry(country: string): country is CountryCode {
  return isSupportedCountryIn(country as CountryCode, phoneMetadata());
}

export function parsePhoneNumberFromString(text: string, defaultCountry?: DefaultCountry): PhoneNumber | undefined {
  return defaultCountry === undefined
    ? parsePhoneNumberFromStringIn(text, phoneMetadata())
    : parsePhoneNumberFromStringIn(text, defaultCountry, phoneMetadata());
}

export function parsePhoneNumberWithError(text: string, defaultCountry?: DefaultCountry): PhoneNumber {
  return defaultCountry === undefined ? parsePhoneNumberWithErrorIn(text, phoneMetadata()) : parsePhoneNumberWithErrorIn(text, defaultCountry, phoneMetadata());
}

export function isValidPhoneNumber(text: string, defaultCountry?: CountryCode | { defaultCountry?: CountryCode; defaultCallingCode?: string }): boolean {
  return defaultCountry === undefined ? isValidPhoneNumberIn(text, phoneMetadata()) : isValidPhoneNumberIn(text, defaultCountry, phoneMetadata());
}

export function isPossiblePhoneNumber(text: string, defaultCountry?: CountryCode | { defaultCountry?: CountryCode; defaultCallingCode?: string }): boolean {
  return defaultCountry === undefined ? isPossiblePhoneNumberIn(text, phoneMetadata()) : isPossiblePhoneNumberIn(text, defaultCountry, phoneMetadata());
}

/** The library's metadata reader, over the max metadata (`new Metadata()` as in `libphonenumber-js/max`). */
export class Metadata extends MetadataOf {
  constructor() {
    super(phoneMetadata());
  }
}

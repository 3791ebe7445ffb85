import {
  Metadata as MetadataOf,
  isSupportedCountry as isSupportedCountryIn,
  isValidPhoneNumber as isValidPhoneNumberIn,
  parsePhoneNumberFromString as parsePhoneNumberFromStringIn,
  parsePhoneNumberWithError as parsePhoneNumberWithErrorIn,
  type CountryCode,
  type MetadataJson,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import { PHONE_METADATA_JSON } from './phoneMetadata.generated.js';

export { ParseError, type CountryCode, type PhoneNumber } from 'libphonenumber-js/core';

/**
 * libphonenumber-js with its *max* metadata, as `libphonenumber-js/max` exports it, except that the
 * metadata is parsed from one JSON string on first use instead of evaluated as an object literal
 * wherever the module is loaded (pages and the CLI; the service worker does not load this module:
 * it fetches the same JSON when caller risk first reads a number, see `loadPhoneMetadata.ts`). Same metadata, same answers (a unit
 * test compares the string with the package's file and these functions with `libphonenumber-js/max`).
 */
let parsed: MetadataJson | null = null;

/** The max metadata, parsed on first use (for `libphonenumber-js/core` functions that take it, as the caller-risk code does). */
export function phoneMetadata(): MetadataJson {
  parsed ??= JSON.parse(PHONE_METADATA_JSON) as MetadataJson;
  return parsed;
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

/** The library's metadata reader, over the max metadata (`new Metadata()` as in `libphonenumber-js/max`). */
export class Metadata extends MetadataOf {
  constructor() {
    super(phoneMetadata());
  }
}

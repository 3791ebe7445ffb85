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
 * wherever the module is loaded: the service worker loads this module at every wake (caller risk and
 * the policy checks use it) and most wakes read no phone number. Same metadata, same answers (a unit
 * test compares the string with the package's file and these functions with `libphonenumber-js/max`).
 */
let parsed: MetadataJson | null = null;

function metadata(): MetadataJson {
  parsed ??= JSON.parse(PHONE_METADATA_JSON) as MetadataJson;
  return parsed;
}

type DefaultCountry = CountryCode | { defaultCountry?: CountryCode; defaultCallingCode?: string; extract?: boolean };

export function isSupportedCountry(country: string): country is CountryCode {
  return isSupportedCountryIn(country as CountryCode, metadata());
}

export function parsePhoneNumberFromString(text: string, defaultCountry?: DefaultCountry): PhoneNumber | undefined {
  return defaultCountry === undefined ? parsePhoneNumberFromStringIn(text, metadata()) : parsePhoneNumberFromStringIn(text, defaultCountry, metadata());
}

export function parsePhoneNumberWithError(text: string, defaultCountry?: DefaultCountry): PhoneNumber {
  return defaultCountry === undefined ? parsePhoneNumberWithErrorIn(text, metadata()) : parsePhoneNumberWithErrorIn(text, defaultCountry, metadata());
}

export function isValidPhoneNumber(text: string, defaultCountry?: CountryCode | { defaultCountry?: CountryCode; defaultCallingCode?: string }): boolean {
  return defaultCountry === undefined ? isValidPhoneNumberIn(text, metadata()) : isValidPhoneNumberIn(text, defaultCountry, metadata());
}

/** The library's metadata reader, over the max metadata (`new Metadata()` as in `libphonenumber-js/max`). */
export class Metadata extends MetadataOf {
  constructor() {
    super(metadata());
  }
}

import { parsePhoneNumberFromString, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import { leadsWithTrunkZero, TRUNK_ZERO_COUNTRIES } from './trunkPrefix.ts';

/**
 * Who is calling, as far as a risk check may know it. The raw string Connect gives is never kept:
 * it becomes an E.164 number, a digit string (numeric but not a number of any candidate country),
 * or "withheld" (`anonymous`, `private`, empty, anything without digits).
 */
export type CallerIdentity = { kind: 'number'; e164: string } | { kind: 'unrecognized'; digits: string } | { kind: 'withheld' };

const MAX_LENGTH = 64;
/** What may surround the digits of a number as carriers and people write it. */
const NUMBER_CHARACTERS = /^[+\d\s().\-/]+$/;

/**
 * `metadata`: libphonenumber-js's max metadata, passed in: pages have it parsed (`phoneMetadata()`
 * in phoneLibrary.ts), the service worker fetches it when caller risk first needs it.
 */
export function readCallerIdentity(raw: string | null | undefined, countries: readonly CountryCode[], metadata: MetadataJson): CallerIdentity {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH) return { kind: 'withheld' };
  const written = stripUri(raw.trim());
  // "anonymous", "private", "Unknown", "sip:anonymous@…", "+anonymous", "": no number to check.
  if (!NUMBER_CHARACTERS.test(written) || !/\d/.test(written)) return { kind: 'withheld' };
  const digits = written.replace(/\D/g, '');
  const international = written.startsWith('+') ? written : written.startsWith('00') ? `+${written.slice(2)}` : null;
  if (international !== null) {
    const parsed = parsePhoneNumberFromString(international, metadata);
    // A possible number of its country counts even when the metadata does not know its range yet.
    if (parsed?.isPossible()) return { kind: 'number', e164: parsed.number };
  }
  for (const country of countries) {
    if (TRUNK_ZERO_COUNTRIES.has(country) && !leadsWithTrunkZero(written)) continue;
    const parsed = parsePhoneNumberFromString(written, country, metadata);
    if (parsed?.isValid()) return { kind: 'number', e164: parsed.number };
  }
  return { kind: 'unrecognized', digits };
}

/** `tel:+81…`, `sip:+81…@carrier;user=phone` → the user part. */
function stripUri(text: string): string {
  const scheme = /^(?:tel|sips?):/i.exec(text);
  if (!scheme) return text;
  const rest = text.slice(scheme[0].length);
  const end = rest.search(/[@;]/);
  return end === -1 ? rest : rest.slice(0, end);
}

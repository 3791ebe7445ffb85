/**
 * Countries whose numbers are always written nationally with the trunk prefix 0 (03-1234-5678,
 * 020 7946 0000). libphonenumber also accepts them without it, which would make a US number
 * ("201 555 0123") Japanese; for these countries a national number must start with 0.
 */
// The one list, shared by masking (src/core/masking/detectors/phone.ts) and caller identity.
export const TRUNK_ZERO_COUNTRIES: ReadonlySet<string> = new Set(['JP', 'GB', 'DE', 'FR', 'AU', 'NZ', 'NL', 'BE', 'CH', 'AT', 'KR', 'TW', 'IE', 'ZA']);

/** The first digit as written, past an opening parenthesis: "(0" and "0" both lead with 0. */
export function leadsWithTrunkZero(written: string): boolean {
  return /^\(?0/.test(written);
}

import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

/**
 * Where a number written without "+" most plausibly belongs, most likely first: the policy's
 * `dialing.defaultCountry`, then the country of the Connect instance's AWS region, then the
 * countries of the browser's locales. One rule for everything that reads national numbers
 * (caller risk, masking), so "090-1234-5678" means the same number everywhere.
 */
export interface CountryHints {
  defaultCountry?: string | null;
  /** The Connect instance's AWS region, e.g. `ap-northeast-1`. */
  region?: string | null;
  /** BCP 47 tags, most preferred first (`navigator.languages`). */
  locales?: readonly string[];
}

/** Regions Amazon Connect runs in, and the country whose numbers their instances mostly serve. */
const REGION_COUNTRY: Readonly<Record<string, CountryCode>> = {
  'us-east-1': 'US',
  'us-west-2': 'US',
  'us-gov-west-1': 'US',
  'ca-central-1': 'CA',
  'eu-west-2': 'GB',
  'eu-central-1': 'DE',
  'ap-northeast-1': 'JP',
  'ap-northeast-2': 'KR',
  'ap-southeast-1': 'SG',
  'ap-southeast-2': 'AU',
  'af-south-1': 'ZA',
};

export function candidateCountries(hints: CountryHints): CountryCode[] {
  const countries: CountryCode[] = [];
  const add = (country: string | null | undefined): void => {
    const upper = country?.toUpperCase();
    if (upper && isSupportedCountry(upper) && !countries.includes(upper)) countries.push(upper);
  };
  add(hints.defaultCountry);
  add(hints.region ? REGION_COUNTRY[hints.region] : undefined);
  for (const locale of hints.locales ?? []) add(countryOfLocale(locale));
  return countries;
}

/** "ja" has no region, but its likely-subtags maximum ("ja-Jpan-JP") does. */
function countryOfLocale(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().region;
  } catch {
    return undefined;
  }
}

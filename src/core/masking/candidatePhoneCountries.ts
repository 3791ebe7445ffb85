import { isPhoneCountry } from '../phone/phoneCountries.ts';

/** Where the engine may learn which countries' national phone numbers an agent meets. */
export interface PhoneCountrySources {
  /** The policy's `dialing.defaultCountry`. */
  defaultCountry?: string | null | undefined;
  /** The Connect instance's AWS region (`instance.region`), e.g. `ap-northeast-1`. */
  instanceRegion?: string | null | undefined;
  /** The browser's (or the CLI's) locale, e.g. `ja-JP`, `en-GB`, `ja`. */
  locale?: string | null | undefined;
}

type PhoneCountrySource = 'policy' | 'instanceRegion' | 'locale' | 'fallback';

export interface PhoneCountries {
  /** ISO 3166 codes national numbers are read in; a number valid in any of them is a phone number. */
  countries: string[];
  /** Which source named each country, in the same order. */
  sources: PhoneCountrySource[];
  /** True when the policy names no default country, so the list was inferred. */
  guessed: boolean;
}

/**
 * Countries contact centres using Connect Shield serve when nothing else says so. Without a
 * configured country the engine fails closed: these are read too, so a Japanese or British
 * national number is not shown because nobody set `dialing.defaultCountry`. US was the engine's
 * only country before, so it stays.
 */
const FALLBACK_PHONE_COUNTRIES: readonly string[] = ['US', 'JP', 'GB'];

/** The countries of the AWS regions Amazon Connect runs in. */
const REGION_COUNTRIES: Readonly<Record<string, string>> = {
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

function regionCountry(region: string | null | undefined): string | null {
  return region ? (REGION_COUNTRIES[region] ?? null) : null;
}

/** `ja` → JP, `en-GB` → GB, `en` → US (the likely region, from CLDR through `Intl.Locale`). */
function localeCountry(locale: string | null | undefined): string | null {
  if (!locale) return null;
  try {
    return new Intl.Locale(locale).maximize().region ?? null;
  } catch {
    return null;
  }
}

/**
 * The candidate-country rule: the policy's default country, the instance region's country and
 * the locale's country, in that order; when the policy names none, the fallback countries as well
 * (`guessed`, which `policy validate` warns about).
 */
export function candidatePhoneCountries(sources: PhoneCountrySources): PhoneCountries {
  const countries: string[] = [];
  const named: PhoneCountrySource[] = [];
  const add = (country: string | null | undefined, source: PhoneCountrySource): void => {
    if (!country || !isPhoneCountry(country) || countries.includes(country)) return;
    countries.push(country);
    named.push(source);
  };
  const configured = sources.defaultCountry && isPhoneCountry(sources.defaultCountry) ? sources.defaultCountry : null;
  add(configured, 'policy');
  add(regionCountry(sources.instanceRegion), 'instanceRegion');
  add(localeCountry(sources.locale), 'locale');
  if (configured === null) for (const country of FALLBACK_PHONE_COUNTRIES) add(country, 'fallback');
  return { countries, sources: named, guessed: configured === null };
}

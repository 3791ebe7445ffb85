import { isSupportedCountry, parsePhoneNumberWithError, ParseError } from '../phone/phoneLibrary.ts';

/** The policy's dialing rules, as the effective policy holds them. */
export interface DialingRules {
  /** Country for numbers typed without +; null: a number must start with + and its country code. */
  defaultCountry: string | null;
  /** Countries agents may dial; null: any. */
  allowedCountries: readonly string[] | null;
}

type RefusedReason = 'empty' | 'invalid' | 'needs_country_code' | 'country_not_allowed' | 'premium_rate' | 'shared_cost';

export type OutboundNumberCheck =
  /** `e164` goes to Streams; `international` is shown to the agent for confirmation. */
  { ok: true; e164: string; international: string; country: string | null } | { ok: false; reason: RefusedReason; country: string | null };

/** Characters an agent may type in a phone number besides digits; anything else is not a number. */
const DIAL_TEXT = /^\+?[0-9\s().\-/]+$/;

/**
 * Checks a number the agent typed before it reaches Streams (the dial box and transfer to a
 * number). Numbers the instance itself lists (quick connects) are not checked: they are the
 * organization's own. Premium-rate and shared-cost numbers are refused by the library's number
 * type with its full metadata.
 */
export function checkOutboundNumber(typed: string, rules: DialingRules): OutboundNumberCheck {
  const text = typed.trim();
  if (text === '') return { ok: false, reason: 'empty', country: null };
  if (!DIAL_TEXT.test(text)) return { ok: false, reason: 'invalid', country: null };
  const defaultCountry = rules.defaultCountry !== null && isSupportedCountry(rules.defaultCountry) ? rules.defaultCountry : undefined;
  if (!text.startsWith('+') && defaultCountry === undefined) return { ok: false, reason: 'needs_country_code', country: null };
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(text, defaultCountry === undefined ? undefined : { defaultCountry });
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, reason: 'invalid', country: null };
    throw error;
  }
  const country = parsed.country ?? null;
  if (!parsed.isValid()) return { ok: false, reason: 'invalid', country };
  if (rules.allowedCountries !== null && (country === null || !rules.allowedCountries.includes(country))) {
    return { ok: false, reason: 'country_not_allowed', country };
  }
  const type = parsed.getType();
  if (type === 'PREMIUM_RATE') return { ok: false, reason: 'premium_rate', country };
  if (type === 'SHARED_COST') return { ok: false, reason: 'shared_cost', country };
  return { ok: true, e164: parsed.number, international: parsed.formatInternational(), country };
}

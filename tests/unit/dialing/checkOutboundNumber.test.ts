import { describe, expect, it } from 'vitest';
import { checkOutboundNumber } from '../../../src/core/dialing/checkOutboundNumber.ts';

const japan = { defaultCountry: 'JP', allowedCountries: ['JP', 'US'] };

describe('outbound number check', () => {
  it('reads a national number with the default country and shows it in international format', () => {
    expect(checkOutboundNumber('03-1234-5678', japan)).toEqual({ ok: true, e164: '+81312345678', international: '+81 3 1234 5678', country: 'JP' });
    expect(checkOutboundNumber('+1 (202) 555-0147', japan)).toMatchObject({ ok: true, e164: '+12025550147', country: 'US' });
  });

  it('refuses what is not a valid number, with the reason', () => {
    expect(checkOutboundNumber('', japan)).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkOutboundNumber('12', japan)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(checkOutboundNumber('call me', japan)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(checkOutboundNumber('+81 3 1234', japan)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses a country the policy does not allow', () => {
    expect(checkOutboundNumber('+44 20 7946 0958', japan)).toEqual({ ok: false, reason: 'country_not_allowed', country: 'GB' });
    expect(checkOutboundNumber('+44 20 7946 0958', { defaultCountry: null, allowedCountries: null })).toMatchObject({ ok: true, country: 'GB' });
  });

  it('refuses premium-rate and shared-cost numbers', () => {
    expect(checkOutboundNumber('+1 900 555 0123', japan)).toMatchObject({ ok: false, reason: 'premium_rate', country: 'US' });
    expect(checkOutboundNumber('0990-123-456', japan)).toMatchObject({ ok: false, reason: 'premium_rate', country: 'JP' });
    expect(checkOutboundNumber('+33 8 10 12 34 56', { defaultCountry: null, allowedCountries: null })).toMatchObject({
      ok: false,
      reason: 'shared_cost',
      country: 'FR',
    });
  });

  it('needs a country code when the policy names no default country', () => {
    expect(checkOutboundNumber('03-1234-5678', { defaultCountry: null, allowedCountries: null })).toMatchObject({ ok: false, reason: 'needs_country_code' });
  });
});

import { describe, expect, it } from 'vitest';
import { candidatePhoneCountries } from '../../../src/core/masking/candidatePhoneCountries.ts';
import { maskingEngineForPolicy } from '../../../src/core/masking/maskingEngineForPolicy.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';

describe('the candidate-country rule', () => {
  it('takes the policy country, then the region, then the locale; guesses with the fallback only without a policy country', () => {
    expect(candidatePhoneCountries({ defaultCountry: 'JP' })).toEqual({ countries: ['JP'], sources: ['policy'], guessed: false });
    expect(candidatePhoneCountries({ defaultCountry: 'US', instanceRegion: 'ap-northeast-1', locale: 'en-GB' })).toEqual({
      countries: ['US', 'JP', 'GB'],
      sources: ['policy', 'instanceRegion', 'locale'],
      guessed: false,
    });
    expect(candidatePhoneCountries({ instanceRegion: 'eu-central-1', locale: 'ja' })).toEqual({
      countries: ['DE', 'JP', 'US', 'GB'],
      sources: ['instanceRegion', 'locale', 'fallback', 'fallback'],
      guessed: true,
    });
    expect(candidatePhoneCountries({ defaultCountry: 'XX', locale: 'not a locale' }).guessed).toBe(true);
  });

  it('reads a German national number when the instance is in Frankfurt', () => {
    const frankfurt = maskingEngineForPolicy(applyDefaults({ instance: { ccpUrl: 'https://a.my.connect.aws/ccp-v2', region: 'eu-central-1' } }), {});
    expect(frankfurt.maskText('Rückruf 030 12345678').display).toBe('Rückruf •••• 5678');
  });
});

describe('the shell and CLI engine for the smallest valid policy', () => {
  it('reads Japanese and British national numbers in an en-US browser', () => {
    const engine = maskingEngineForPolicy(applyDefaults({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' } }), { locale: 'en-US' });
    expect(engine.maskText('携帯 090-1234-5678 / UK 020 7946 0958 / US (213) 373-4253').display).toBe('携帯 •••• 5678 / UK •••• 0958 / US •••• 4253');
  });
});

import { describe, expect, it } from 'vitest';
import { maskingEngineForPolicy } from '../../../src/core/masking/maskingEngineForPolicy.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';

// The engine the shell builds for the smallest valid policy (no dialing.defaultCountry).
const engine = maskingEngineForPolicy(applyDefaults({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' } }), { locale: 'en-US' });
const display = (text: string): string => engine.maskText(text).display;

describe('formats the held-out corpus met that the engine missed', () => {
  // Five-digit area codes (0 + four) leave a one-digit exchange: how rural Japanese numbers are printed.
  it.each(['01267-2-1234', '05523-7-2732', '09496-2-0123'])('masks the Japanese number %s in a sentence', (phone) => {
    const shown = display(`お電話は${phone}までお願いします`);
    expect(shown).toMatch(/^お電話は.+までお願いします$/);
    expect(shown).not.toContain(phone.slice(0, 7));
  });

  it('masks the same number typed with the long-vowel mark an IME gives for a dash', () => {
    expect(display('お電話は03238ー3ー0849まで')).not.toContain('03238');
  });

  it('keeps a one-digit group that is no exchange visible', () => {
    for (const text of ['手順 2025-1-15 を参照', 'room 01234-5 floor', 'ver 10000-1-2000']) expect(display(text)).toBe(text);
  });

  // Mod-97 and the country's length and format hold; Belgium's and Spain's national check digits do not.
  it.each(['BE73 5332 7800 0899', 'ES6761080600501800600831', 'ES37 0895 6944 8010 0930 0374'])(
    'masks the IBAN %s whose national check digit fails',
    (iban) => {
      const shown = display(`IBAN: ${iban}`);
      expect(shown).not.toContain(iban);
      expect(shown.replace(/[^0-9]/g, '').length).toBeLessThanOrEqual(4);
    },
  );

  it('still shows an IBAN-shaped reference whose mod-97 check fails', () => {
    expect(display('ref BE74 5332 7800 0899')).toBe('ref BE74 5332 7800 0899');
    expect(display('ref ES6861080600501800600831')).toBe('ref ES6861080600501800600831');
  });
});

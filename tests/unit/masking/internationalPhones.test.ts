import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

/**
 * A number written with "+" and a calling code is a phone number whether or not its digits fall in
 * a range the country has allocated: the fictional ranges testers use (Ofcom's 07700 900xxx, North
 * America's 555-01xx), a new range the library's metadata does not know yet, a digit missing. Each
 * is masked when its length is one the country's numbers have.
 */
describe('international numbers outside allocated ranges', () => {
  const none = createMaskingEngine(undefined, {});
  const us = createMaskingEngine(undefined, { defaultCountry: 'US' });

  const possibleOnly = [
    '+44 7700 900123',
    '+447700900123',
    '+44 (0)7700 900123',
    '+1 (555) 010-9999',
    '+15555555555',
    '+81 90 0000 0000',
    '+81 90 1234 56789',
    '+81-3-0000-0000',
    '+61 4 0000 0000',
    '＋４４ ７７００ ９００１２３',
  ];

  it.each(possibleOnly)('%s is masked, with no country configured and with one', (number) => {
    for (const engine of [none, us]) {
      const { display, findings } = engine.maskText(number);
      expect(findings.map((f) => f.kind)).toEqual(['phone']);
      expect(display).toMatch(/^•••• \d{4}$/);
    }
  });

  it('masks them inside English and Japanese sentences, and only them', () => {
    expect(none.maskText('Test line: call +44 7700 900 123 now, ref 2025-03-21').display).toBe('Test line: call •••• 0123 now, ref 2025-03-21');
    expect(none.maskText('連絡先は＋８１ ９０ ００００ ００００です（受付番号 12345）').display).toBe('連絡先は•••• 0000です（受付番号 12345）');
  });

  it('leaves alone what a "+" leads that is no phone number', () => {
    const harmless = [
      '2025-03-21T08:56:02+09:00',
      'UTC+09:00',
      'GMT+9',
      '+35.6895, +139.6917',
      '+1,234,567 JPY',
      'points +1234567',
      'balance +12345678',
      '+15% YoY',
      'v1.2.3+20250321',
      'build 1.0.0+build.20250321123456',
      '1.5e+10',
      'rank +1 (2024-03-21)',
      '+1 000 000',
      '+100 000 000',
      '残高 +1234567円',
      // A four-digit group is no calling code, and this is a date.
      '+2444(2008-07-11',
      // Longer than any French number.
      'score: +33 1234 5678',
      // No country has calling code 99.
      '+99 123 456 789',
    ];
    for (const value of harmless) {
      expect(none.maskText(value).display, value).toBe(value);
      expect(us.maskText(value).display, value).toBe(value);
    }
  });
});

describe('a phone number with its extension glued on', () => {
  const engine = createMaskingEngine(undefined, {});

  it.each([
    ['415-555-0123x45', '•••• 0123x45'],
    ['+44 20 7946 0958x12', '•••• 0958x12'],
    ['call (415)555-0123X9 today', 'call •••• 0123X9 today'],
    ['090-1234-5678x123', '•••• 5678x123'],
  ])('masks %s, as libphonenumber and CRMs write an extension', (text, display) => {
    expect(engine.maskText(text).display).toBe(display);
  });

  it('still reads letters glued on otherwise as part of an identifier', () => {
    for (const text of ['ID 4155550123xyz', 'build 4155550123x1234567', 'SKU4155550123x45', 'ORD-4155550123x']) {
      expect(engine.maskText(text).display).toBe(text);
    }
  });
});

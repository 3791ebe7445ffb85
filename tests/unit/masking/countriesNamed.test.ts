import { describe, expect, it } from 'vitest';
import { countriesNamedIn } from '../../../src/core/masking/countriesNamedIn.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

/**
 * A national number of a country the text names, written with its trunk 0, is that country's phone
 * number though no candidate-country source (policy, region, locale, fallback) gives the country.
 */
describe('national numbers of a country the text names', () => {
  const engine = createMaskingEngine(undefined, { locale: 'en-US' });

  it.each([
    [
      'Customer relocated to Sydney, Australia; new mobile 0412 783 519, timezone AEST.',
      'Customer relocated to Sydney, Australia; new mobile •••• 3519, timezone AEST.',
    ],
    ['Customer in Munich, Germany – Handy 0151 4428 7730, prefers SMS.', 'Customer in Munich, Germany – Handy •••• 7730, prefers SMS.'],
    // Named in Japanese. (A French 06 number would be no proof: it is also a valid Osaka number.)
    ['お客様はオーストラリア在住、携帯 0412 783 519', 'お客様はオーストラリア在住、携帯 •••• 3519'],
  ])('%s', (text, shown) => {
    expect(engine.maskText(text).display).toBe(shown);
  });

  it.each([
    // No country named: not read in a country no source gives.
    'new mobile 0412 783 519',
    // A named country's number without its trunk 0 is read only where a source gives the country.
    'Order placed from India, ref 9876543210',
    // The country named on another line, or far from the number, says nothing of where the number is.
    'Germany office closed today\nref 0151 4428 7730',
    `Germany ${'is on the shipping list, '.repeat(8)}ref 0151 4428 7730`,
    // Another number under its label.
    'Order number 0412783519 shipped to Australia',
  ])('leaves %s as written', (text) => {
    expect(engine.maskText(text).display).toBe(text);
  });

  it('finds country names as words with their capital, each once', () => {
    expect(countriesNamedIn('Australia, australian, Germany and ドイツ, Germanic, Australia')).toEqual(['AU', 'DE']);
  });
});

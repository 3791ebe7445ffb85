import { describe, expect, it } from 'vitest';
import { cardIssuerOf } from '../../../src/core/masking/cardIssuer.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { cardNumberDetector } from '../../../src/core/masking/detectors/cardNumber.ts';
import { passesLuhn } from '../../../src/core/masking/luhn.ts';
import { spansFound } from './detect.ts';

const TEST_CARDS: Array<[string, string]> = [
  ['4111111111111111', 'visa'],
  ['5555555555554444', 'mastercard'],
  ['2223003122003222', 'mastercard'],
  ['378282246310005', 'amex'],
  ['6011111111111117', 'discover'],
  ['3530111333300000', 'jcb'],
  ['6200000000000005', 'unionpay'],
  ['36227206271667', 'diners'],
];

describe('card number detector', () => {
  it.each(TEST_CARDS)('finds %s (%s) bare, spaced and dashed', (pan, issuer) => {
    expect(cardIssuerOf(pan)).toBe(issuer);
    expect(passesLuhn(pan)).toBe(true);
    expect(spansFound(cardNumberDetector, pan)).toEqual([pan]);
    const spaced = pan.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(spansFound(cardNumberDetector, `card ${spaced} exp 12/29`)).toEqual([spaced]);
    const dashed = pan.replace(/(\d{4})(?=\d)/g, '$1-');
    expect(spansFound(cardNumberDetector, `x:${dashed}.`)).toEqual([dashed]);
  });

  it.each(TEST_CARDS)('leaves the Luhn-invalid variant of %s alone', (pan) => {
    const last = Number(pan.slice(-1));
    const broken = pan.slice(0, -1) + String((last + 1) % 10);
    expect(passesLuhn(broken)).toBe(false);
    expect(spansFound(cardNumberDetector, broken)).toEqual([]);
  });

  it('finds Amex in its 4-6-5 grouping and a card in full-width digits', () => {
    expect(spansFound(cardNumberDetector, 'amex 3782 822463 10005')).toEqual(['3782 822463 10005']);
    expect(spansFound(cardNumberDetector, 'カード４１１１ １１１１ １１１１ １１１１です')).toEqual(['４１１１ １１１１ １１１１ １１１１']);
  });

  it('finds a card next to another number in the same digit run', () => {
    expect(spansFound(cardNumberDetector, 'qty 2 4111 1111 1111 1111 total 3')).toEqual(['4111 1111 1111 1111']);
  });

  it('sees through zero-width characters inserted between the digits', () => {
    const evasive = '4111\u200b1111\u200b1111\u200b1111';
    expect(spansFound(cardNumberDetector, evasive)).toEqual([evasive]);
  });

  it('rejects Luhn-valid numbers outside the issuer ranges or lengths', () => {
    expect(passesLuhn('1234567812345670')).toBe(true);
    expect(spansFound(cardNumberDetector, '1234567812345670')).toEqual([]);
    // Mastercard 2221–2720 only: 2721… is no card even with a valid Luhn digit.
    expect(cardIssuerOf('2721000000000004')).toBeNull();
    // Visa is taken at 16 and 19 digits only: 13-digit JAN barcodes (49…) pass Luhn one time in ten.
    expect(cardIssuerOf('411111111111116')).toBeNull();
    expect(cardIssuerOf('4901234567894')).toBeNull();
  });

  it('leaves millisecond timestamps, long ids and short numbers alone', () => {
    for (const text of ['1732838400000', '17328384000001234567890', 'order 20241129000123', '4111 1111']) {
      expect(spansFound(cardNumberDetector, text)).toEqual([]);
    }
  });
});

describe('a card read out in two halves', () => {
  const engine = createMaskingEngine(undefined, { locale: 'en-US' });

  it.each([
    ['ok the first 8 are 4539 5763 and the rest is 2217 5929', 'ok the first 8 are •••••••• and the rest is •••• 5929'],
    ['最初の8桁が3589 4892、残りが8929 4421です', '最初の8桁が••••••••、残りが•••• 4421です'],
    ['first half 41111111, the remaining 11111111', 'first half ••••••••, the remaining •••• 1111'],
    // The first half named, the second on a transcript's later line (from the third independent corpus).
    [
      'CUSTOMER: first part is 5168 8819\nAGENT: mhm go ahead\nCUSTOMER: 2864 3774',
      'CUSTOMER: first part is ••••••••\nAGENT: mhm go ahead\nCUSTOMER: •••• 3774',
    ],
    [
      '[14:21:03] Customer: first bit is 5379 1420\n[14:21:19] Customer: 6835 1123',
      '[14:21:03] Customer: first bit is ••••••••\n[14:21:19] Customer: •••• 1123',
    ],
    [
      'お客様：最初が５１６８の３１７２\nオペレーター：はい\nお客様：５８４９の８６２０です',
      'お客様：最初が••••••••\nオペレーター：はい\nお客様：•••• 8620です',
    ],
  ])('%s → %s', (text, shown) => {
    expect(engine.maskText(text).display).toBe(shown);
  });

  it.each([
    // Not one card together (Luhn fails), no word saying the rest, or halves of longer numbers.
    'order 4539 5763 and the rest is 2217 5920',
    'order 4539 5763 and then 2217 5929',
    'ref 12 4539 5763 and the rest is 2217 5929 00',
    'the rest of 20241129 and 20241130',
  ])('leaves %s alone', (text) => {
    expect(engine.maskText(text).display).toBe(text);
  });
});

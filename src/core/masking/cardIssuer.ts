/**
 * Issuer identification ranges (IIN) and lengths for the schemes an agent meets. A digit run is
 * only a card number when its prefix belongs to a scheme and its length is one that scheme
 * issues; together with Luhn this rejects ~all order numbers and timestamps.
 */
export type CardIssuer = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'unionpay' | 'diners' | 'maestro';

interface IssuerRange {
  issuer: CardIssuer;
  /** Inclusive prefix range; `from` and `to` have the same number of digits. */
  from: number;
  to: number;
  lengths: readonly number[];
}

const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19] as const;

// Ordered most specific first: Discover's co-branded 622126–622925 sits inside UnionPay's 62.
const RANGES: readonly IssuerRange[] = [
  { issuer: 'discover', from: 622126, to: 622925, lengths: SIXTEEN_TO_NINETEEN },
  { issuer: 'discover', from: 6011, to: 6011, lengths: SIXTEEN_TO_NINETEEN },
  { issuer: 'discover', from: 644, to: 649, lengths: SIXTEEN_TO_NINETEEN },
  { issuer: 'discover', from: 65, to: 65, lengths: SIXTEEN_TO_NINETEEN },
  { issuer: 'unionpay', from: 62, to: 62, lengths: SIXTEEN_TO_NINETEEN },
  // Visa stopped issuing 13-digit numbers long ago, while 13-digit JAN/EAN barcodes starting 45/49
  // are on every Japanese receipt and one in ten passes Luhn: 16 and 19 only.
  { issuer: 'visa', from: 4, to: 4, lengths: [16, 19] },
  { issuer: 'mastercard', from: 2221, to: 2720, lengths: [16] },
  { issuer: 'mastercard', from: 51, to: 55, lengths: [16] },
  { issuer: 'amex', from: 34, to: 34, lengths: [15] },
  { issuer: 'amex', from: 37, to: 37, lengths: [15] },
  { issuer: 'jcb', from: 3528, to: 3589, lengths: SIXTEEN_TO_NINETEEN },
  { issuer: 'diners', from: 300, to: 305, lengths: [14, 16, 17, 18, 19] },
  { issuer: 'diners', from: 3095, to: 3095, lengths: [14, 16, 17, 18, 19] },
  { issuer: 'diners', from: 36, to: 36, lengths: [14, 15, 16, 17, 18, 19] },
  { issuer: 'diners', from: 38, to: 39, lengths: [14, 16, 17, 18, 19] },
  // Maestro is the only scheme issuing 12-digit numbers; its prefixes are narrow on purpose.
  { issuer: 'maestro', from: 5018, to: 5018, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { issuer: 'maestro', from: 5020, to: 5020, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { issuer: 'maestro', from: 5038, to: 5038, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { issuer: 'maestro', from: 5893, to: 5893, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { issuer: 'maestro', from: 6304, to: 6304, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { issuer: 'maestro', from: 6759, to: 6759, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { issuer: 'maestro', from: 6761, to: 6763, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

interface SizedRange extends IssuerRange {
  /** How many leading digits `from` and `to` stand for. */
  width: number;
}

/** Ranges by leading digit (index 0–9), so most digit runs (timestamps start with 1) are rejected at once. */
const RANGES_BY_FIRST_DIGIT: ReadonlyArray<readonly SizedRange[]> = Array.from({ length: 10 }, (_, d) =>
  RANGES.filter((r) => String(r.from).startsWith(String(d))).map((r) => ({ ...r, width: String(r.from).length })),
);

/** The number the first `width` digits spell, without slicing a string for every window tried. */
function leadingNumber(digits: string, width: number): number {
  let n = 0;
  for (let i = 0; i < width; i++) n = n * 10 + (digits.charCodeAt(i) - 48);
  return n;
}

/** Whether some scheme's numbers start with a digit, by character code. */
const STARTS_A_CARD = new Uint8Array(128);
RANGES_BY_FIRST_DIGIT.forEach((ranges, digit) => {
  if (ranges.length > 0) STARTS_A_CARD[48 + digit] = 1;
});

/** True when some scheme's numbers start with the digit whose character code this is; lets scanners skip a start early. */
export function mayStartCardNumber(firstDigitCode: number): boolean {
  return STARTS_A_CARD[firstDigitCode] === 1;
}

/** Powers of ten that cut a six-digit prefix down to `width` digits, by `width`. */
const CUT = [100000, 100000, 10000, 1000, 100, 10, 1] as const;

/**
 * The scheme that issues a number of `length` digits whose first six digits spell `leadingSix`,
 * or null when none does: asked by the card walk, which reads those digits from the text's
 * character codes instead of cutting the number as a string.
 */
export function cardIssuerOfLeading(leadingSix: number, length: number): CardIssuer | null {
  for (const range of RANGES_BY_FIRST_DIGIT[Math.floor(leadingSix / 100000)] ?? []) {
    const prefix = Math.floor(leadingSix / (CUT[range.width] ?? 1));
    if (prefix >= range.from && prefix <= range.to && range.lengths.includes(length)) return range.issuer;
  }
  return null;
}

/** The scheme that issues `digits` (ASCII digits, no separators), or null when none does. */
export function cardIssuerOf(digits: string): CardIssuer | null {
  // Every scheme issues 12 digits or more, and its ranges are at most six digits wide.
  if (digits.length < 12) return null;
  return cardIssuerOfLeading(leadingNumber(digits, 6), digits.length);
}

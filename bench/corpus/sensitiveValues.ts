import { composeIBAN } from 'ibantools';
import type { SeededRandom } from './seededRandom.ts';

/**
 * Generators of valid and almost-valid sensitive values, for the property tests and the bench's
 * labelled corpus. "Almost valid" values (one check digit off) must stay visible.
 */

function luhnCheckDigit(body: string): string {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Prefix and length of each scheme the detector knows, one entry per common shape. */
const CARD_SHAPES: ReadonlyArray<readonly [string, number]> = [
  ['4', 16],
  ['4', 19],
  ['51', 16],
  ['55', 16],
  ['2221', 16],
  ['2720', 16],
  ['34', 15],
  ['37', 15],
  ['6011', 16],
  ['65', 16],
  ['3530', 16],
  ['3589', 16],
  ['62', 16],
  ['62', 19],
  ['36', 14],
  ['300', 14],
];

export function validCardNumber(random: SeededRandom): string {
  const [prefix, length] = random.pick(CARD_SHAPES);
  const body = prefix + random.digits(length - prefix.length - 1);
  return body + luhnCheckDigit(body);
}

/** Same issuer and length, last digit changed so Luhn fails. */
export function luhnInvalidCardNumber(random: SeededRandom): string {
  const valid = validCardNumber(random);
  const last = valid.charCodeAt(valid.length - 1) - 48;
  return valid.slice(0, -1) + String((last + 1 + random.int(9)) % 10);
}

/** Four-digit groups (Amex 4-6-5), joined by `separator`. */
export function groupCardNumber(digits: string, separator: string): string {
  if (digits.length === 15) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(separator);
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += 4) groups.push(digits.slice(i, i + 4));
  return groups.join(separator);
}

export function validSsn(random: SeededRandom): string {
  let area: number;
  do area = 1 + random.int(899);
  while (area === 666);
  const group = 1 + random.int(99);
  const serial = 1 + random.int(9999);
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}

export function invalidSsn(random: SeededRandom): string {
  const area = random.pick(['000', '666', `9${random.digits(2)}`]);
  return `${area}-${String(1 + random.int(99)).padStart(2, '0')}-${String(1 + random.int(9999)).padStart(4, '0')}`;
}

export function myNumberCheckDigit(body: string): string {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = body.charCodeAt(11 - n) - 48;
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const remainder = sum % 11;
  return String(remainder <= 1 ? 0 : 11 - remainder);
}

export function validMyNumber(random: SeededRandom): string {
  const body = random.digits(11);
  return body + myNumberCheckDigit(body);
}

export function invalidMyNumber(random: SeededRandom): string {
  const valid = validMyNumber(random);
  const last = valid.charCodeAt(11) - 48;
  return valid.slice(0, 11) + String((last + 1 + random.int(9)) % 10);
}

const IBAN_SHAPES: ReadonlyArray<readonly [string, (r: SeededRandom) => string]> = [
  ['DE', (r) => r.digits(18)],
  ['NL', (r) => `ABNA${r.digits(10)}`],
  ['GB', (r) => `NWBK${r.digits(14)}`],
  ['AT', (r) => r.digits(16)],
];

export function validIban(random: SeededRandom): string {
  const [countryCode, bban] = random.pick(IBAN_SHAPES);
  const iban = composeIBAN({ countryCode, bban: bban(random) });
  if (iban === null) throw new Error('composeIBAN refused a generated BBAN');
  return iban;
}

export function invalidIban(random: SeededRandom): string {
  const valid = validIban(random);
  const check = Number(valid.slice(2, 4));
  const wrong = String(((check + 1 + random.int(90)) % 97) + 2).padStart(2, '0');
  return valid.slice(0, 2) + wrong + valid.slice(4);
}

/** Print form: groups of four separated by spaces. */
export function printIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

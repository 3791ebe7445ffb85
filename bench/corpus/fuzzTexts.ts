import { seededRandom, type SeededRandom } from './seededRandom.ts';
import { validCardNumber, validIban, validMyNumber, validSsn, printIban, groupCardNumber } from './sensitiveValues.ts';

/**
 * Texts strung together from the pieces every detector reacts to (digit groups of any length,
 * separators, line breaks, context words, base64 runs and AWS Encryption SDK prefixes, `@`,
 * full-width and other Unicode forms, dates, IBAN country codes), in random order from a seed. They
 * hold the corner cases a rewrite of the scanners could change without any hand-written case
 * noticing; the corpus snapshot records what the engine shows for them.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-';
const SEPARATORS = [' ', ' ', ' ', '-', '.', '/', '_', ' - ', '\n', ' \r\n', '(', ') ', '+', ', ', ':', '', '　', 'ー', '\u200b', '\u2063'];
const WORDS = [
  'IBAN',
  'DE',
  'GB',
  'NL',
  'AT',
  'de',
  'FR',
  'routing',
  'ABA',
  'RTN',
  'SSN',
  'ss#',
  'TIN',
  'DOB',
  'born',
  'birth',
  '生年月日',
  'CVV',
  'cvc2',
  'PIN',
  'pin code',
  'OTP',
  'one-time code',
  'password:',
  'pwd=',
  'パスワードは',
  'セキュリティコード',
  '暗証番号',
  'マイナンバー',
  '個人番号',
  'my number',
  'カード番号',
  'TEL',
  'tel:',
  'call',
  'ORD-',
  'INV_',
  'Promotion',
  'ts=',
  '〒',
  '¥',
  '$',
  'Jan',
  'March',
  'sept.',
  'st',
  '年',
  '月',
  '日',
  '平成',
  '令和',
  'です',
  'は',
  'card',
  'exp',
  'ref',
  'x',
  'Q',
  'e',
];

function base64Run(random: SeededRandom): string {
  const length = 5 + random.int(60);
  let out = random.int(4) === 0 ? random.pick(['AYAD', 'AYAA', 'AgR4', 'AgV4', 'AYAC']) : '';
  while (out.length < length) out += BASE64.charAt(random.int(BASE64.length));
  return out;
}

function fullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));
}

function piece(random: SeededRandom): string {
  switch (random.int(16)) {
    case 0:
    case 1:
    case 2:
      return random.digits(1 + random.int(8));
    case 3:
      return random.digits(9 + random.int(14));
    case 4:
      return groupCardNumber(validCardNumber(random), random.pick([' ', '-', '', '.']));
    case 5:
      return random.pick([validSsn(random), validMyNumber(random), validIban(random), printIban(validIban(random))]);
    case 6:
      return base64Run(random);
    case 7:
      return `${random.pick(['a', 'sato.1', 'x_y', 'Q'])}@${random.pick(['example.com', 'ex.co.jp', 'x', 'a.b1', 'mail.example.'])}`;
    case 8:
      return fullWidth(random.digits(2 + random.int(6)));
    case 9:
      return random.pick(['𝟒𝟏𝟏𝟏', '④', '⑩', '⁴¹¹¹', '₄₁₁₁', 'ｶｰﾄﾞ', '\u20e3', '\ufe0f', 'İ', 'ß']);
    case 10:
      return `${String(1 + random.int(12))}/${String(1 + random.int(28))}/${String(1950 + random.int(60))}`;
    case 11:
      return `${String(1950 + random.int(60))}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;
    default:
      return random.pick(WORDS);
  }
}

export function fuzzTexts(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const pieces = 1 + random.int(12);
    for (let p = 0; p < pieces; p++) text += (p > 0 ? random.pick(SEPARATORS) : '') + piece(random);
    texts.push(text);
  }
  return texts;
}

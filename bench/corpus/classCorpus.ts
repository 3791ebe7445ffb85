import { isLuhnValid } from './isLuhnValid.ts';
import { seededRandom, type SeededRandom } from './seededRandom.ts';
import { groupCardNumber, luhnInvalidCardNumber, myNumberCheckDigit, validCardNumber, validMyNumber } from './sensitiveValues.ts';

/**
 * A labelled corpus for the value classes issue 10 is about, built the way contact-centre data
 * looks (Japanese and English text, full-width digits, values next to other values). Every class
 * has at least 100 positive and 100 negative cases per split. The `heldOut` split uses another
 * seed and sentence frames, prefixes and names that the `tuning` split never contains: the engine
 * was only ever adjusted against `tuning`.
 */
export type CorpusClass = 'nationalPhone' | 'myNumberName' | 'digitWindow' | 'nameWords' | 'sensitiveAuth' | 'unicodeForms' | 'acrossBoundaries';
export const CORPUS_CLASSES: readonly CorpusClass[] = [
  'nationalPhone',
  'myNumberName',
  'digitWindow',
  'nameWords',
  'sensitiveAuth',
  'unicodeForms',
  'acrossBoundaries',
];

export type Split = 'tuning' | 'heldOut';

export type CorpusInput =
  | { shape: 'text'; text: string }
  | { shape: 'attributes'; attributes: Record<string, string> }
  /** Chat messages in a row. */
  | { shape: 'messages'; texts: string[] };

export interface ClassCase {
  class: CorpusClass;
  split: Split;
  input: CorpusInput;
  /** True when something in it must not be shown. */
  sensitive: boolean;
  /** The digits (or characters) of the secret, which must not survive anywhere in the output. */
  secret?: string;
}

const CASES_PER_SIDE = 120;

interface Frames {
  en: readonly string[];
  ja: readonly string[];
  jpMobile: readonly string[];
  jpFixed: readonly string[];
  ukPrefixes: readonly string[];
  names: readonly string[];
}

const FRAMES: Readonly<Record<Split, Frames>> = {
  tuning: {
    en: ['Please call me back on {x}', 'customer callback {x} after 5pm', 'mobile: {x}', 'new number is {x}, thanks'],
    ja: ['お電話は{x}までお願いします', '折り返し先：{x}', '携帯 {x} にご連絡ください', '連絡先は{x}です'],
    jpMobile: ['090', '080'],
    jpFixed: ['03', '06'],
    ukPrefixes: ['020 7', '07911 '],
    names: ['Sato', 'Tanaka', 'Smith'],
  },
  heldOut: {
    en: ['Reach her at {x} tomorrow', 'caller left {x} as a contact', 'alt phone {x}', 'ring {x} re: order'],
    ja: ['ご自宅の番号は{x}とのこと', '日中は{x}へ', '{x}に折り返し希望', '勤務先（{x}）'],
    jpMobile: ['070'],
    jpFixed: ['045', '052', '092'],
    ukPrefixes: ['0161 ', '07400 ', '0113 '],
    names: ['Suzuki', 'Nguyen', 'Garcia'],
  },
};

function fullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));
}

function digitsOf(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

/** Subscriber digits never start with 0 or 1 in Japan or the UK. */
function subscriber(r: SeededRandom, count: number): string {
  return String(2 + r.int(8)) + r.digits(count - 1);
}

function nationalPhone(r: SeededRandom, f: Frames): string {
  switch (r.int(4)) {
    case 0:
      return `${r.pick(f.jpMobile)}-${subscriber(r, 4)}-${r.digits(4)}`;
    case 1: {
      const area = r.pick(f.jpFixed);
      return area.length === 2 ? `${area}-${subscriber(r, 4)}-${r.digits(4)}` : `${area}-${subscriber(r, 3)}-${r.digits(4)}`;
    }
    case 2: {
      const prefix = r.pick(f.ukPrefixes);
      if (prefix.startsWith('020')) return `${prefix}${r.digits(3)} ${r.digits(4)}`;
      if (prefix.startsWith('07')) return `${prefix}${r.digits(6)}`;
      return `${prefix}${subscriber(r, 3)} ${r.digits(4)}`;
    }
    default:
      return fullWidth(`${r.pick(f.jpMobile)}-${subscriber(r, 4)}-${r.digits(4)}`);
  }
}

function inFrame(r: SeededRandom, f: Frames, x: string): string {
  const frame = r.pick(r.int(2) === 0 ? f.en : f.ja);
  return frame.replace('{x}', x);
}

function dateTime(r: SeededRandom): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(2024 + r.int(2))}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))} ${pad(r.int(24))}:${pad(r.int(60))}:${pad(r.int(60))}`;
}

const BUILDERS: Readonly<Record<CorpusClass, (r: SeededRandom, f: Frames, split: Split, positive: boolean) => Omit<ClassCase, 'class' | 'split'>>> = {
  nationalPhone(r, f, _split, positive) {
    if (positive) {
      const phone = nationalPhone(r, f);
      const text = r.int(4) === 0 ? `card ${groupCardNumber(validCardNumber(r), ' ')}, ${inFrame(r, f, phone)}` : r.int(3) === 0 ? phone : inFrame(r, f, phone);
      return { input: { shape: 'text', text }, sensitive: true, secret: digitsOf(fullWidthToAscii(phone)) };
    }
    const negatives = [
      () => `updated ${dateTime(r)}`,
      () => `ご注文番号は${r.digits(3)}-${r.digits(7)}です`,
      () => `〒${String(100 + r.int(899))}-${r.digits(4)} 東京都`,
      () => `ORD-${String(2020 + r.int(6))}-${r.digits(6)}`,
      () => `¥${String(1 + r.int(99))},${r.digits(3)}`,
      () => `ts ${String(1_700_000_000_000 + r.int(99_999_999_999))}`,
      () => `v${String(r.int(9))}.${String(r.int(30))}.${String(r.int(9))}`,
    ];
    return { input: { shape: 'text', text: r.pick(negatives)() }, sensitive: false };
  },
  myNumberName(r, _f, split, positive) {
    const names =
      split === 'tuning'
        ? ['individualNumber', 'individual_number_jp', 'IndividualNumber']
        : ['customer-individual-number', 'individualNo', 'INDIVIDUAL_NUMBER'];
    const n = validMyNumber(r);
    if (positive) return { input: { shape: 'attributes', attributes: { [r.pick(names)]: r.int(2) === 0 ? n : fullWidth(n) } }, sensitive: true, secret: n };
    // The same twelve digits under a name that says something else: an order or an AWS account.
    const other = split === 'tuning' ? ['orderNumber', 'awsAccountId'] : ['shipmentId', 'invoiceNumber'];
    return { input: { shape: 'attributes', attributes: { [r.pick(other)]: n } }, sensitive: false };
  },
  digitWindow(r, _f, split, positive) {
    if (positive) {
      const pan = validCardNumber(r);
      const near = split === 'tuning' ? `qty ${String(1 + r.int(9))}` : `x${String(1 + r.int(9))} 点`;
      return { input: { shape: 'text', text: `${near} ${groupCardNumber(pan, ' ')}` }, sensitive: true, secret: pan };
    }
    const negatives = [
      // A Luhn-failing 16-digit member id whose first twelve digits pass the My Number check.
      () => {
        const body = r.digits(11);
        const mn = body + myNumberCheckDigit(body);
        let id = mn + r.digits(4);
        while (isLuhnValid(id)) id = mn + r.digits(4);
        return `member ${groupCardNumber(id, ' ')}`;
      },
      () => `parcel ${groupCardNumber(`9400${r.digits(18)}`, ' ')}`,
      () => `ref DE00 ${groupCardNumber(r.digits(18), ' ')}`,
      () => `${split === 'tuning' ? 'updated' : 'at'} ${dateTime(r)}`,
      () => `card ${groupCardNumber(luhnInvalidCardNumber(r), ' ')} declined`,
    ];
    return { input: { shape: 'text', text: r.pick(negatives)() }, sensitive: false };
  },
  nameWords(r, _f, split, positive) {
    if (positive) {
      const names = split === 'tuning' ? ['sessionToken', 'cardNumber', 'apiKey'] : ['authToken', 'card_no', 'ACCESS_TOKEN'];
      const value = `${r.digits(4)}${r.pick(['ab', 'XY', 'q9'])}${r.digits(4)}`;
      return { input: { shape: 'attributes', attributes: { [r.pick(names)]: value } }, sensitive: true, secret: value };
    }
    const pairs: Array<[string, () => string]> =
      split === 'tuning'
        ? [
            ['tokenIssuedAt', () => `2025-0${String(1 + r.int(9))}-1${String(r.int(9))}T08:56:02Z`],
            ['panLast4', () => r.digits(4)],
            ['pinAttempts', () => String(r.int(5))],
            ['otpStatus', () => r.pick(['sent', 'verified', 'expired'])],
          ]
        : [
            ['tokenExpiresAt', () => `2026-0${String(1 + r.int(9))}-0${String(1 + r.int(8))}T10:00:00Z`],
            ['card_last_four', () => r.digits(4)],
            ['パスワード再設定日時', () => `2025年${String(1 + r.int(12))}月${String(1 + r.int(28))}日`],
            ['cvvResult', () => r.pick(['M', 'N', 'P'])],
          ];
    const [name, value] = r.pick(pairs);
    return { input: { shape: 'attributes', attributes: { [name]: value() } }, sensitive: false };
  },
  sensitiveAuth(r, _f, split, positive) {
    if (positive) {
      const cvv = r.digits(3);
      const pin = String(1000 + r.int(9000));
      const options: Array<{ input: CorpusInput; secret: string }> =
        split === 'tuning'
          ? [
              { input: { shape: 'attributes', attributes: { cvv } }, secret: cvv },
              { input: { shape: 'text', text: `CVV ${cvv} please` }, secret: cvv },
              { input: { shape: 'text', text: `暗証番号は${pin}です` }, secret: pin },
            ]
          : [
              { input: { shape: 'attributes', attributes: { セキュリティコード: cvv } }, secret: cvv },
              { input: { shape: 'text', text: `security code: ${cvv}` }, secret: cvv },
              { input: { shape: 'text', text: `my PIN is ${pin}, thanks` }, secret: pin },
            ];
      return { ...r.pick(options), sensitive: true };
    }
    const texts =
      split === 'tuning'
        ? ['PIN reset requested', 'OTP sent at 10:30', 'shipping 1234 items']
        : ['cvv check passed', 'パスワードを忘れました', 'spin class 1800'];
    return { input: { shape: 'text', text: `${r.pick(texts)} #${String(r.int(90))}` }, sensitive: false };
  },
  unicodeForms(r, _f, split, positive) {
    if (positive) {
      const pan = validCardNumber(r);
      const grouped = groupCardNumber(pan, ' ');
      const forms =
        split === 'tuning'
          ? [mathBold(grouped), circled(grouped), grouped.replace(/ /g, '\u2063'), grouped.replace(/ /g, '/')]
          : [
              superscript(grouped),
              grouped.replace(/ /g, '\u034f'),
              grouped.replace(/([0-9])/g, '$1\ufe0f'),
              grouped.replace(/ /g, '_'),
              grouped.replace(/ /g, '\u200e'),
            ];
      return { input: { shape: 'text', text: `card ${r.pick(forms)}` }, sensitive: true, secret: pan };
    }
    const texts = split === 'tuning' ? ['① ご注文内容の確認', '手順②をご覧ください', 'x² + y²'] : ['⑴ 配送について', 'note¹ applies', '③番窓口へ'];
    return { input: { shape: 'text', text: `${r.pick(texts)} ${String(r.int(99))}` }, sensitive: false };
  },
  acrossBoundaries(r, _f, split, positive) {
    if (positive) {
      const pan = validCardNumber(r);
      const cut = 4 * (1 + r.int(3));
      const [a, b] = [pan.slice(0, cut), pan.slice(cut)];
      const shapes: CorpusInput[] =
        split === 'tuning'
          ? [
              { shape: 'text', text: `card ${a}\n${b}` },
              { shape: 'messages', texts: [`my card is ${a}`, b] },
            ]
          : [
              { shape: 'attributes', attributes: { card1: a, card2: b } },
              { shape: 'messages', texts: [`カードは${a}`, `${b}です`] },
            ];
      return { input: r.pick(shapes), sensitive: true, secret: pan };
    }
    const shapes: CorpusInput[] =
      split === 'tuning'
        ? [
            { shape: 'messages', texts: [`order ${r.digits(2)}`, `${String(1 + r.int(9))} items`] },
            { shape: 'attributes', attributes: { qty: String(1 + r.int(9)), total: r.digits(4) } },
          ]
        : [
            { shape: 'attributes', attributes: { zip: r.digits(5), floor: String(1 + r.int(40)) } },
            { shape: 'text', text: `room ${r.digits(3)}\n${r.digits(4)} guests` },
          ];
    return { input: r.pick(shapes), sensitive: false };
  },
};

function mathBold(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(0x1d7ce + Number(d)));
}
function circled(text: string): string {
  return text.replace(/[0-9]/g, (d) => (d === '0' ? '⓪' : String.fromCodePoint(0x2460 + Number(d) - 1)));
}
const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
function superscript(text: string): string {
  return text.replace(/[0-9]/g, (d) => SUPERSCRIPT[Number(d)] ?? d);
}
function fullWidthToAscii(text: string): string {
  return text.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

/** `CASES_PER_SIDE` positives and negatives per class and split, from one seed per split. */
export function classCorpus(seed: number): ClassCase[] {
  const cases: ClassCase[] = [];
  for (const split of ['tuning', 'heldOut'] as const) {
    const random = seededRandom(split === 'tuning' ? seed : seed ^ 0x5eed);
    for (const corpusClass of CORPUS_CLASSES) {
      for (const positive of [true, false]) {
        for (let i = 0; i < CASES_PER_SIDE; i++) cases.push({ class: corpusClass, split, ...BUILDERS[corpusClass](random, FRAMES[split], split, positive) });
      }
    }
  }
  return cases;
}

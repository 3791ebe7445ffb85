import { NEGATIVE_VALUES } from './negatives.ts';
import { seededRandom, type SeededRandom } from './seededRandom.ts';
import {
  groupCardNumber,
  invalidIban,
  invalidMyNumber,
  invalidSsn,
  luhnInvalidCardNumber,
  printIban,
  validCardNumber,
  validIban,
  validMyNumber,
  validSsn,
} from './sensitiveValues.ts';

/** One labelled text: does it hold something an agent must not see? */
export interface LabeledText {
  text: string;
  sensitive: boolean;
  /** What was planted (positives) or imitated (negatives), for per-kind breakdowns. */
  kind: 'pan' | 'ssn' | 'myNumber' | 'iban' | 'email' | 'phone' | 'none';
}

const NAMES = ['Sato', 'Suzuki', 'Smith', 'Garcia', 'Tanaka', 'Nguyen'];

const POSITIVE_TEMPLATES: ReadonlyArray<[LabeledText['kind'], (r: SeededRandom) => string]> = [
  ['pan', (r) => `card ${groupCardNumber(validCardNumber(r), r.pick([' ', '-', '']))} exp 12/29`],
  ['pan', (r) => `カード番号は${groupCardNumber(validCardNumber(r), ' ')}です`],
  ['pan', (r) => validCardNumber(r)],
  ['ssn', (r) => `my social is ${validSsn(r)}`],
  ['ssn', (r) => validSsn(r).replace(/-/g, ' ')],
  [
    'myNumber',
    (r) => {
      const n = validMyNumber(r);
      return `マイナンバーは${n}です`;
    },
  ],
  [
    'myNumber',
    (r) => {
      const n = validMyNumber(r);
      return `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`;
    },
  ],
  ['iban', (r) => `IBAN ${printIban(validIban(r))}`],
  ['iban', (r) => validIban(r)],
  ['email', (r) => `contact ${r.pick(NAMES).toLowerCase()}.${r.digits(2)}@example.co.jp please`],
  ['phone', (r) => `call me at (${r.pick(['213', '415', '646', '312'])}) ${r.pick(['373', '872', '555'])}-${r.digits(4)}`],
  ['phone', (r) => `+1 ${r.pick(['213', '415', '646'])} ${r.pick(['373', '872'])} ${r.digits(4)}`],
];

const NEGATIVE_TEMPLATES: ReadonlyArray<[LabeledText['kind'], (r: SeededRandom) => string]> = [
  ['pan', (r) => `card ${groupCardNumber(luhnInvalidCardNumber(r), ' ')} was declined`],
  ['ssn', (r) => `ref ${invalidSsn(r)}`],
  ['myNumber', (r) => invalidMyNumber(r)],
  ['iban', (r) => invalidIban(r)],
  ['none', (r) => r.pick(NEGATIVE_VALUES)],
  ['none', (r) => `ORD-${String(2020 + r.int(6))}-${r.digits(6)}`],
  ['none', (r) => String(1_700_000_000_000 + r.int(100_000_000_000))],
  ['none', (r) => `¥${String(1 + r.int(99))},${r.digits(3)}`],
  ['none', (r) => `$${String(1 + r.int(9))},${r.digits(3)}.${r.digits(2)}`],
  ['none', (r) => `${String(2024 + r.int(2))}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`],
  ['none', (r) => `${r.digits(8)}-${r.digits(4)}-4${r.digits(3)}-a${r.digits(3)}-${r.digits(12)}`],
  ['none', (r) => `〒${r.digits(3)}-${r.digits(4)} 東京都千代田区`],
  ['none', (r) => `Hello ${r.pick(NAMES)}, your order shipped`],
];

/** A fixed-seed corpus: `size` texts, about half positive. */
export function labeledCorpus(seed: number, size: number): LabeledText[] {
  const random = seededRandom(seed);
  const corpus: LabeledText[] = [];
  for (let i = 0; i < size; i++) {
    const positive = random.int(2) === 0;
    const [kind, make] = random.pick(positive ? POSITIVE_TEMPLATES : NEGATIVE_TEMPLATES);
    corpus.push({ text: make(random), sensitive: positive, kind });
  }
  return corpus;
}

/**
 * An attribute map at Amazon Connect's 32 KB limit: names and values drawn from the corpus,
 * one to eight texts per value, until names plus values reach `limit` characters.
 */
export function attributeMapAtLimit(seed: number, limit = 32_768): Record<string, string> {
  const random = seededRandom(seed);
  const corpus = labeledCorpus(seed + 1, 2000);
  const map: Record<string, string> = {};
  let size = 0;
  for (let i = 0; size < limit; i++) {
    const parts: string[] = [];
    const count = 1 + random.int(8);
    for (let p = 0; p < count; p++) parts.push(random.pick(corpus).text);
    const name = `attr_${String(i)}`;
    let value = parts.join(' / ');
    if (size + name.length + value.length > limit) value = value.slice(0, Math.max(0, limit - size - name.length));
    map[name] = value;
    size += name.length + value.length;
  }
  return map;
}

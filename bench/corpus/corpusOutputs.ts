import { createMaskingEngine } from '../../src/core/masking/createMaskingEngine.ts';
import { maskingEngineForPolicy } from '../../src/core/masking/maskingEngineForPolicy.ts';
import type { MaskingEngine } from '../../src/core/masking/MaskingEngine.ts';
import { applyDefaults } from '../../src/core/policy/applyDefaults.ts';
import { fuzzTexts } from './fuzzTexts.ts';
import { classCorpus, type CorpusInput } from './classCorpus.ts';
import { attributeMapAtLimit, labeledCorpus } from './labeledCorpus.ts';
import { NEGATIVE_VALUES } from './negatives.ts';
import { seededRandom } from './seededRandom.ts';

/**
 * What the engine shows for the whole recorded corpus: issue 10's class corpus (tuning and held-out
 * splits) through the engine the shell builds for the smallest valid policy, the labelled corpus
 * and the negatives with two phone defaults, random phone-like strings, fuzz texts strung together from
 * what each detector reacts to (plain, with custom patterns, under attribute names), and four 32 KB maps
 * (displays and kinds; a supervisor's reveal of phone, SSN and e-mail on the first). `tests/unit/masking/corpusSnapshot.test.ts` holds
 * the engine to the recorded copy (`corpusSnapshot.json`), so that a speed change cannot change
 * what an agent sees without failing; `npx tsx bench/corpus/recordCorpusSnapshot.ts` records it
 * again after a deliberate change. An output equal to its input is recorded as null.
 */
export type CorpusOutputs = Record<string, Array<string | null>>;

export const CLASS_SEED = 20261201;
const LABELED_SEED = 20241129;
const FUZZ_SEED = 20261202;
const MAP_SEEDS = [20241129, 5, 6, 7] as const;

function displaysOf(engine: MaskingEngine, input: CorpusInput): string[] {
  if (input.shape === 'text') return [engine.maskText(input.text).display];
  if (input.shape === 'messages') return engine.maskAdjacentTexts(input.texts).displays;
  return engine.maskAttributes(input.attributes).attributes.map((a) => `${a.display} ${a.kinds.join(',')}`);
}

function inputsOf(input: CorpusInput): string[] {
  if (input.shape === 'text') return [input.text];
  if (input.shape === 'messages') return input.texts;
  return Object.values(input.attributes).map((value) => `${value} `);
}

function phoneLikeStrings(count: number): string[] {
  const random = seededRandom(99);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const shape = random.int(4);
    if (shape === 0) texts.push(`${random.digits(3)}-${random.digits(3)}-${random.digits(4)}`);
    else if (shape === 1) texts.push(`0${random.digits(1 + random.int(2))}-${random.digits(4)}-${random.digits(4)}`);
    else if (shape === 2)
      texts.push(`+${random.digits(1 + random.int(2))} ${random.digits(2 + random.int(3))} ${random.digits(3 + random.int(2))} ${random.digits(4)}`);
    else texts.push(random.digits(7 + random.int(9)));
  }
  return texts;
}

export function corpusOutputs(): CorpusOutputs {
  const out: CorpusOutputs = {};
  const smallest = applyDefaults({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' } });
  const cases = classCorpus(CLASS_SEED);
  for (const locale of ['en-US', 'ja']) {
    const engine = maskingEngineForPolicy(smallest, { locale });
    out[`class:${locale}`] = cases.map((c) => {
      const shown = displaysOf(engine, c.input).join('\n');
      return shown === inputsOf(c.input).join('\n') ? null : shown;
    });
  }
  const texts = [...labeledCorpus(LABELED_SEED, 4000).map((item) => item.text), ...NEGATIVE_VALUES, ...phoneLikeStrings(3000), ...fuzzTexts(FUZZ_SEED, 3000)];
  for (const country of ['US', 'JP']) {
    const engine = createMaskingEngine(undefined, { defaultCountry: country });
    out[`text:${country}`] = texts.map((text) => {
      const shown = engine.maskText(text).display;
      return shown === text ? null : shown;
    });
  }
  // Custom patterns, a detector switched off and attribute names that say what a value is.
  const custom = createMaskingEngine(
    {
      detectors: { phone: false, email: false },
      patterns: [
        { name: 'policyNumber', regex: 'P[0-9]{6}' },
        { name: 'ticket', regex: '[A-Z]{2,3}-[0-9]{3,}', display: 'label' },
      ],
    },
    { defaultCountry: 'JP' },
  );
  const names = ['note', 'routingNumber', 'dob', 'customerSSN', 'individualNumber', 'cardNumber', 'panLast4', 'cvv', 'tokenIssuedAt', 'phone', 'email', 'iban'];
  const fuzz = fuzzTexts(FUZZ_SEED + 1, 1200);
  out['custom:JP'] = fuzz.map((text) => {
    const shown = custom.maskText(text).display;
    return shown === text ? null : shown;
  });
  for (const [label, engine] of [
    ['names:US', createMaskingEngine(undefined, { defaultCountry: 'US' })],
    ['names:custom', custom],
  ] as const) {
    const map = Object.fromEntries(fuzz.map((text, i) => [`${names[i % names.length] ?? 'note'}${i % 3 === 0 ? '' : String(i)}`, text]));
    out[label] = engine.maskAttributes(map).attributes.map((a) => `${a.display} ${a.kinds.join(',')}`);
  }
  for (const seed of MAP_SEEDS) {
    const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });
    const map = attributeMapAtLimit(seed);
    const views = engine.maskAttributes(map).attributes;
    out[`map:${String(seed)}`] = views.map((a) => `${a.display} ${a.kinds.join(',')}`);
    if (seed !== LABELED_SEED) continue;
    // A reveal equal to the agent's display is recorded as null.
    out[`reveal:${String(seed)}`] = Object.entries(map).flatMap(([name, value], i) =>
      (['phone', 'ssn', 'email'] as const).map((kind) => {
        const shown = engine.revealDisplay(name, value, kind).display;
        return shown === views[i]?.display ? null : shown;
      }),
    );
  }
  return out;
}

import { writeFileSync, readFileSync } from 'node:fs';
import { createMaskingEngine } from '../../src/core/masking/createMaskingEngine.ts';
import { attributeMapAtLimit, labeledCorpus } from './labeledCorpus.ts';
import { NEGATIVE_VALUES } from './negatives.ts';
import { seededRandom } from './seededRandom.ts';

/**
 * Records what the engine displays for a fixed set of inputs (the labelled corpus, the 32 KB maps,
 * random phone-like strings, the negatives), so a change to the engine can be checked for output
 * changes: `npx tsx bench/corpus/recordOutputs.ts record FILE`, later `… compare FILE`.
 * Each record is the input's index and the display; run it where the output may hold test data only.
 */
const COUNTRIES = ['US', 'JP', 'GB', 'DE', 'FR', 'AU', 'CA', 'IN', 'BR'];

function inputs(): string[] {
  const texts: string[] = [];
  for (const seed of [20241129, 1, 2, 3]) for (const item of labeledCorpus(seed, 4000)) texts.push(item.text);
  const random = seededRandom(99);
  for (let i = 0; i < 30000; i++) {
    const shape = random.int(4);
    if (shape === 0) texts.push(`${random.digits(3)}-${random.digits(3)}-${random.digits(4)}`);
    else if (shape === 1) texts.push(`0${random.digits(1 + random.int(2))}-${random.digits(4)}-${random.digits(4)}`);
    else if (shape === 2)
      texts.push(`+${random.digits(1 + random.int(2))} ${random.digits(2 + random.int(3))} ${random.digits(3 + random.int(2))} ${random.digits(4)}`);
    else texts.push(random.digits(7 + random.int(9)));
  }
  texts.push(...NEGATIVE_VALUES);
  return texts;
}

function outputs(): Record<string, string[]> {
  const all = inputs();
  const out: Record<string, string[]> = {};
  for (const country of COUNTRIES) {
    const engine = createMaskingEngine(undefined, { defaultCountry: country });
    out[`text:${country}`] = all.map((text) => engine.maskText(text).display);
  }
  for (const seed of [20241129, 5, 6, 7]) {
    const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });
    out[`map:${String(seed)}`] = engine.maskAttributes(attributeMapAtLimit(seed)).attributes.map((a) => a.display);
  }
  return out;
}

const [mode, file] = process.argv.slice(2);
if (file === undefined || (mode !== 'record' && mode !== 'compare')) {
  console.error('usage: recordOutputs.ts record|compare FILE');
  process.exit(2);
}
const all = inputs();
const now = outputs();
if (mode === 'record') {
  writeFileSync(file, JSON.stringify(now));
  console.log(`recorded ${String(Object.values(now).reduce((n, v) => n + v.length, 0))} outputs`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
  let total = 0;
  let changed = 0;
  const samples: string[] = [];
  for (const [key, values] of Object.entries(before)) {
    const after = now[key] ?? [];
    values.forEach((value, i) => {
      total++;
      if (after[i] === value) return;
      changed++;
      if (samples.length < (process.env.ALL ? 1e9 : 400))
        samples.push(`${key} #${String(i)}: ${key.startsWith('text') ? JSON.stringify(all[i]) : ''} ${JSON.stringify(value)} → ${JSON.stringify(after[i])}`);
    });
  }
  console.log(`${String(changed)} of ${String(total)} outputs changed`);
  for (const line of samples) console.log(line);
}

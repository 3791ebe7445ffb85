import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { MaskingEngine, MaskingEngineOptions } from '../src/core/masking/MaskingEngine.ts';
import type { MaskingSettings } from '../src/core/policy/Policy.ts';
import { attributeMapAtLimit } from './corpus/labeledCorpus.ts';
import { cpuPerCall } from './cpuPerCall.ts';
import { median } from './percentile.ts';

/**
 * One checkout's engine alone in a process (the child of `maskingPairedProcesses.ts`): with two
 * engines in one process the one loaded second read up to 9 % faster against a copy of itself,
 * because they share the JIT's feedback. Prints one JSON line: per case, the engine's median CPU
 * time per call and the naive regex's over the same input measured in the same batches, so a
 * parent can compare ratios that the machine's load does not move.
 */
type CreateEngine = (masking: MaskingSettings | undefined, options?: MaskingEngineOptions) => MaskingEngine;

const BATCH = 5;
const WARMUP_BATCHES = 10;

async function main(): Promise<void> {
  const root = process.argv[2];
  if (root === undefined) throw new Error('usage: npx tsx bench/maskingOneEngine.ts CHECKOUT [batches]');
  const batches = Number(process.argv[3] ?? '40');
  const module = (await import(pathToFileURL(resolve(root, 'src/core/masking/createMaskingEngine.ts')).href)) as { createMaskingEngine: CreateEngine };
  const create = module.createMaskingEngine;
  const options = { defaultCountry: 'US' };
  const map = attributeMapAtLimit(20241129);
  const values = Object.values(map);
  const text = values.join('\n');
  const engine = create(undefined, options);
  let sink = 0;
  const naiveMap = (): void => {
    for (const value of values) sink += value.replace(/\d{4,}/g, '#').length;
  };
  const naiveText = (): void => {
    sink += text.replace(/\d{4,}/g, '#').length;
  };
  const cases: ReadonlyArray<[string, () => void, () => void]> = [
    ['warmMap', () => engine.maskAttributes(map), naiveMap],
    ['newEngineMap', () => create(undefined, options).maskAttributes(map), naiveMap],
    ['text', () => engine.maskText(text), naiveText],
  ];
  const result: Record<string, { engineMs: number; naiveMs: number }> = {};
  for (const [name, body, naive] of cases) {
    const engineTimes: number[] = [];
    const naiveTimes: number[] = [];
    for (let b = 0; b < WARMUP_BATCHES + batches; b++) {
      const engineMs = cpuPerCall(body, BATCH);
      const naiveMs = cpuPerCall(naive, BATCH);
      if (b >= WARMUP_BATCHES) {
        engineTimes.push(engineMs);
        naiveTimes.push(naiveMs);
      }
    }
    result[name] = { engineMs: median(engineTimes), naiveMs: median(naiveTimes) };
  }
  if (sink < 0) console.error(sink);
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

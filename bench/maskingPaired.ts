import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { MaskingEngine, MaskingEngineOptions } from '../src/core/masking/MaskingEngine.ts';
import type { MaskingSettings } from '../src/core/policy/Policy.ts';
import { attributeMapAtLimit } from './corpus/labeledCorpus.ts';
import { cpuPerCall } from './cpuPerCall.ts';
import { median } from './percentile.ts';

/**
 * The engine before and after a change, in one process, alternating batch by batch, CPU time:
 * on the shared machine a wall-clock bench moves with the load from one minute to the next, and a
 * paired run lets both engines see the same load. "Before" is another checkout of the repository
 * (`git worktree add /tmp/before <commit>`):
 *
 *   npx tsx bench/maskingPaired.ts /tmp/before [batches]
 *
 * (`AFTER=/tmp/other` compares two other checkouts; the same commit on both sides shows the
 * method's own bias, a few per cent. `AFTER_FIRST=1` loads the change first: the engine loaded
 * second read 1.00–1.09× faster against an identical copy of itself, so run both orders.)
 *
 * Prints, for the warm map, a new engine per map and the 33 KB text, each engine's median CPU
 * time per call and the ratio of the medians (before / after: above 1 is faster now).
 */
type CreateEngine = (masking: MaskingSettings | undefined, options?: MaskingEngineOptions) => MaskingEngine;

const BATCH = 5;
const WARMUP_BATCHES = 10;

async function main(): Promise<void> {
  const beforeRoot = process.argv[2];
  if (beforeRoot === undefined) throw new Error('usage: npx tsx bench/maskingPaired.ts BEFORE_CHECKOUT [batches]');
  const batches = Number(process.argv[3] ?? '60');
  const afterRoot = process.env.AFTER ?? resolve(import.meta.dirname, '..');
  const load = async (root: string): Promise<CreateEngine> =>
    ((await import(pathToFileURL(resolve(root, 'src/core/masking/createMaskingEngine.ts')).href)) as { createMaskingEngine: CreateEngine }).createMaskingEngine;
  // Which engine is loaded first changes its speed by a few per cent (A/A runs): both orders are offered.
  const afterFirst = process.env.AFTER_FIRST === '1';
  const first = await load(afterFirst ? afterRoot : beforeRoot);
  const second = await load(afterFirst ? beforeRoot : afterRoot);
  const before = afterFirst ? second : first;
  const after = afterFirst ? first : second;
  console.log(`loaded ${afterFirst ? 'after, then before' : 'before, then after'}`);
  const options = { defaultCountry: 'US' };
  const map = attributeMapAtLimit(20241129);
  const text = Object.values(map).join('\n');
  const engines = { before, after };
  const warm = { before: engines.before(undefined, options), after: engines.after(undefined, options) };
  const cases: ReadonlyArray<[string, (side: 'before' | 'after') => void]> = [
    ['32 KB map, same engine', (side) => warm[side].maskAttributes(map)],
    ['32 KB map, new engine', (side) => engines[side](undefined, options).maskAttributes(map)],
    ['33 KB text', (side) => warm[side].maskText(text)],
  ];
  for (const [name, body] of cases) {
    const times = { before: [] as number[], after: [] as number[] };
    for (let b = 0; b < WARMUP_BATCHES + batches; b++) {
      // Alternate which side goes first, so neither always runs on a cache the other warmed.
      const order: Array<'before' | 'after'> = b % 2 === 0 ? ['before', 'after'] : ['after', 'before'];
      for (const side of order) {
        const ms = cpuPerCall(() => body(side), BATCH);
        if (b >= WARMUP_BATCHES) times[side].push(ms);
      }
    }
    const beforeMs = median(times.before);
    const afterMs = median(times.after);
    console.log(`${name.padEnd(24)} before ${beforeMs.toFixed(3)} ms  after ${afterMs.toFixed(3)} ms  ${(beforeMs / afterMs).toFixed(2)}× faster`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { median } from './percentile.ts';

/**
 * Two checkouts compared each in processes of its own, alternating, with each run's time divided
 * by the naive regex's in the same process and batches (`maskingOneEngine.ts`): neither the load
 * order inside one process (which favoured the engine loaded second by up to 9 %) nor the
 * machine's load from one minute to the next moves the comparison.
 *
 *   npx tsx bench/maskingPairedProcesses.ts /tmp/before [rounds] [batches]
 *
 * (`AFTER=/tmp/other` compares two other checkouts; the same checkout on both sides shows the
 * method's own spread.) Prints, per case, each side's median ratio to the naive regex and
 * before / after (above 1: faster now).
 */
interface CaseTimes {
  engineMs: number;
  naiveMs: number;
}

function runOnce(root: string, batches: number): Record<string, CaseTimes> {
  const child = resolve(import.meta.dirname, 'maskingOneEngine.ts');
  const output = execFileSync(process.execPath, ['--import', 'tsx', child, root, String(batches)], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, CaseTimes>;
}

function main(): void {
  const beforeRoot = process.argv[2];
  if (beforeRoot === undefined) throw new Error('usage: npx tsx bench/maskingPairedProcesses.ts BEFORE_CHECKOUT [rounds] [batches]');
  const rounds = Number(process.argv[3] ?? '10');
  const batches = Number(process.argv[4] ?? '40');
  const afterRoot = process.env.AFTER ?? resolve(import.meta.dirname, '..');
  const ratios: Record<'before' | 'after', Record<string, number[]>> = { before: {}, after: {} };
  for (let round = 0; round < rounds; round++) {
    const order: Array<'before' | 'after'> = round % 2 === 0 ? ['before', 'after'] : ['after', 'before'];
    for (const side of order) {
      const result = runOnce(side === 'before' ? beforeRoot : afterRoot, batches);
      for (const [name, times] of Object.entries(result)) {
        (ratios[side][name] ??= []).push(times.engineMs / times.naiveMs);
      }
    }
  }
  for (const name of Object.keys(ratios.after)) {
    const before = median(ratios.before[name] ?? []);
    const after = median(ratios.after[name] ?? []);
    console.log(`${name.padEnd(14)} before ${before.toFixed(2)}× naive  after ${after.toFixed(2)}× naive  ${(before / after).toFixed(2)}× faster`);
  }
}

main();

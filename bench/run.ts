import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Bench, BenchResult } from './BenchResult.ts';

/**
 * `npm run bench`: every benchmark module, one table, and bench/results.json. Machines here are
 * shared and noisy, so rows report medians and ratios against a baseline measured in the same run.
 * Pass names to run a subset: `npm run bench -- masking`.
 */
const suites: Record<string, () => Promise<Bench>> = {
  masking: async () => (await import('./masking.bench.ts')).run,
  'contact-latency': async () => (await import('./contactLatency.bench.ts')).run,
  'control-latency': async () => (await import('./controlLatency.bench.ts')).run,
  'deny-list': async () => (await import('./denyList.bench.ts')).run,
  audit: async () => (await import('./audit.bench.ts')).run,
  chat: async () => (await import('./chat.bench.ts')).run,
  'worker-startup': async () => (await import('./workerStartup.bench.ts')).run,
};

async function main(selected: string[]): Promise<void> {
  const names = selected.length > 0 ? selected : Object.keys(suites);
  const rows: BenchResult[] = [];
  for (const name of names) {
    const load = suites[name];
    if (!load) throw new Error(`Unknown benchmark "${name}". Known: ${Object.keys(suites).join(', ')}`);
    process.stderr.write(`bench: running ${name}…\n`);
    rows.push(...(await (await load())()));
  }
  console.table(
    rows.map((row) => ({
      benchmark: row.name,
      metric: row.metric,
      median: round(row.median),
      p95: row.p95 === undefined ? '' : round(row.p95),
      baseline: row.baselineName ?? '',
      'baseline median': row.baselineMedian === undefined ? '' : round(row.baselineMedian),
      ratio: row.ratio === undefined ? '' : round(row.ratio),
    })),
  );
  for (const row of rows.filter((candidate) => candidate.note)) console.log(`- ${row.name} / ${row.metric}: ${row.note}`);
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ when: new Date().toISOString(), node: process.version, cpus: cpus().length, results: rows }, null, 2)}\n`,
  );
  console.log('bench: wrote bench/results.json');
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Bench, BenchResult } from './BenchResult.ts';

/**
 * `npm run bench`: every benchmark module, one table, and bench/results.json. Machines here are
 * shared and noisy, so rows report medians and ratios against a baseline measured in the same run.
 * Pass names to run a subset: `npm run bench -- masking`; the other suites' rows of the last run
 * stay in the file, each row saying its suite and when it ran.
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
  const rows: StoredRow[] = [];
  const ran = new Date().toISOString();
  for (const name of names) {
    const load = suites[name];
    if (!load) throw new Error(`Unknown benchmark "${name}". Known: ${Object.keys(suites).join(', ')}`);
    process.stderr.write(`bench: running ${name}…\n`);
    for (const row of await (await load())()) rows.push({ ...row, suite: name, ran });
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
  // A subset run replaces its own suites' rows and keeps the rest: a quick masking run does not lose the full run's numbers.
  const earlier = selected.length > 0 ? earlierResults() : { results: [] };
  const kept = earlier.results.filter((row) => !names.includes(row.suite ?? suiteOfUntagged(row)));
  // Rows from before rows said when they ran: the file's own note said it, and stays with them.
  const note = kept.some((row) => row.ran === undefined) ? earlier.note : undefined;
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ when: ran, node: process.version, cpus: cpus().length, ...(note === undefined ? {} : { note }), results: [...rows, ...kept] }, null, 2)}\n`,
  );
  console.log(`bench: wrote ${RESULTS}${kept.length > 0 ? ` (${String(kept.length)} rows of other suites kept from earlier runs)` : ''}`);
}

const RESULTS = 'bench/results.json';

/** A row as stored: which suite measured it, and when. */
interface StoredRow extends BenchResult {
  suite?: string;
  ran?: string;
}

function earlierResults(): { results: StoredRow[]; note?: string } {
  if (!existsSync(RESULTS)) return { results: [] };
  const stored = JSON.parse(readFileSync(RESULTS, 'utf8')) as { results?: StoredRow[]; note?: string };
  return { results: stored.results ?? [], ...(stored.note === undefined ? {} : { note: stored.note }) };
}

/** Rows written before rows named their suite: the masking suite's all start with "masking". */
function suiteOfUntagged(row: StoredRow): string {
  return row.name.startsWith('masking') ? 'masking' : '';
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

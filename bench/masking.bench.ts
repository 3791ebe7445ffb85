import { SyncCompositeRedactor } from 'redact-pii/lib/SyncCompositeRedactor.js';
import { createMaskingEngine } from '../src/core/masking/createMaskingEngine.ts';
import type { Bench, BenchResult } from './BenchResult.ts';
import { percentile } from './percentile.ts';
import { CORPUS_CLASSES, classCorpus } from './corpus/classCorpus.ts';
import { attributeMapAtLimit, labeledCorpus, type LabeledText } from './corpus/labeledCorpus.ts';
import { scoreCases } from './corpus/scoreClassCorpus.ts';
import { heldOutRows } from './corpus/heldOutRows.ts';
import { precisionRecallRows, redactPiiDisplays, shellDisplays } from './corpus/corpusDisplays.ts';

const CLASS_SEED = 20261201;

/** The practical ceiling: one regular expression over the same text, replacing every run of four or more digits. */
const NAIVE = /[0-9]{4,}/g;
function naiveMask(text: string): string {
  return text.replace(NAIVE, '••••');
}

const SEED = 20241129;
const RUNS = 200;
const WARMUP = 50;
const TEXT_RUNS = 100;

interface Timing {
  median: number;
  p95: number;
}

function summarize(times: number[]): Timing {
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * Times each body `runs` times, interleaved (one run of each in turn), so that the engine and its
 * baselines see the same machine load: on a shared machine the load moves within seconds, and
 * timing one after the other turned that into differences between them.
 */
function timeInterleaved(runs: number, bodies: ReadonlyArray<() => void>): Timing[] {
  for (let i = 0; i < WARMUP; i++) for (const body of bodies) body();
  const times = bodies.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    bodies.forEach((body, b) => {
      const started = performance.now();
      body();
      times[b]?.push(performance.now() - started);
    });
  }
  return times.map(summarize);
}

interface Score {
  precision: number;
  recall: number;
}

function score(corpus: readonly LabeledText[], flags: (text: string) => boolean): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of corpus) {
    const flagged = flags(item.text);
    if (flagged && item.sensitive) tp++;
    else if (flagged) fp++;
    else if (item.sensitive) fn++;
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/**
 * Masking speed and quality, with redact-pii's regex-only SyncRedactor on the same inputs in the
 * same process as the baseline. Quality is scored per text on a fixed-seed labelled corpus:
 * a text counts as flagged when the output differs from the input.
 */
export const run: Bench = async () => {
  const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });
  const redactor = new SyncCompositeRedactor();
  const map = attributeMapAtLimit(SEED);
  const values = Object.values(map);
  const mapChars = Object.entries(map).reduce((n, [k, v]) => n + k.length + v.length, 0);
  const mapBytes = new TextEncoder().encode(values.join('')).length;

  // The engine remembers attribute-name decisions between calls (the shell masks a contact's map
  // again on every update); a fresh engine per run shows the cost without that.
  const big = values.join('\n');
  const bigBytes = new TextEncoder().encode(big).length;
  const [ours, oursCold, theirs, naive] = timeInterleaved(RUNS, [
    () => engine.maskAttributes(map),
    () => createMaskingEngine(undefined, { defaultCountry: 'US' }).maskAttributes(map),
    () => {
      for (const value of values) redactor.redact(value);
    },
    () => {
      for (const value of values) naiveMask(value);
    },
  ]) as [Timing, Timing, Timing, Timing];
  const [oursText, theirsText, naiveText] = timeInterleaved(TEXT_RUNS, [() => engine.maskText(big), () => redactor.redact(big), () => naiveMask(big)]) as [
    Timing,
    Timing,
    Timing,
  ];
  const mbps = (ms: number): number => bigBytes / 1e6 / (ms / 1000);

  const corpus = labeledCorpus(SEED, 4000);
  const oursScore = score(corpus, (text) => engine.maskText(text).display !== text);
  const theirsScore = score(corpus, (text) => redactor.redact(text) !== text);
  const shared = corpus.filter((item) => item.kind === 'pan' || item.kind === 'ssn' || item.kind === 'email' || item.kind === 'phone' || item.kind === 'none');
  const oursShared = score(shared, (text) => engine.maskText(text).display !== text);
  const theirsShared = score(shared, (text) => redactor.redact(text) !== text);

  const name32 = `masking: 32 KB attribute map (${String(values.length)} attributes, ${String(mapChars)} chars)`;
  const rows: BenchResult[] = [
    {
      name: name32,
      metric: 'latency ms',
      median: round(ours.median),
      p95: round(ours.p95),
      baselineName: 'redact-pii SyncRedactor',
      baselineMedian: round(theirs.median),
      ratio: round(ours.median / theirs.median),
      note: `lower is better; ${String(RUNS)} runs after ${String(WARMUP)} warm-up, interleaved with the baselines; baseline p95 ${String(round(theirs.p95))} ms; ${String(mapBytes)} UTF-8 bytes of values`,
    },
    {
      name: `${name32}, new engine each run`,
      metric: 'latency ms',
      median: round(oursCold.median),
      p95: round(oursCold.p95),
      baselineName: 'redact-pii SyncRedactor',
      baselineMedian: round(theirs.median),
      ratio: round(oursCold.median / theirs.median),
      note: 'lower is better; engine built inside the timed run, so no attribute name is remembered from an earlier run',
    },
    {
      name: `masking: one ${String(Math.round(bigBytes / 1024))} KB text`,
      metric: 'throughput MB/s',
      median: round(mbps(oursText.median), 2),
      p95: round(mbps(oursText.p95), 2),
      baselineName: 'redact-pii SyncRedactor',
      baselineMedian: round(mbps(theirsText.median), 2),
      ratio: round(mbps(oursText.median) / mbps(theirsText.median)),
      note: 'higher is better; p95 is the throughput of the p95 (slow) run',
    },
    {
      name: name32,
      metric: 'latency ms',
      median: round(ours.median),
      p95: round(ours.p95),
      baselineName: 'naive /[0-9]{4,}/g replace',
      baselineMedian: round(naive.median, 4),
      ratio: round(ours.median / naive.median),
      note: `the practical ceiling, same values, same run; naive p95 ${String(round(naive.p95, 4))} ms; new engine each run: ${String(round(oursCold.median / naive.median))}× naive`,
    },
    {
      name: `masking: one ${String(Math.round(bigBytes / 1024))} KB text`,
      metric: 'throughput MB/s',
      median: round(mbps(oursText.median), 2),
      p95: round(mbps(oursText.p95), 2),
      baselineName: 'naive /[0-9]{4,}/g replace',
      baselineMedian: round(mbps(naiveText.median), 2),
      ratio: round(mbps(oursText.median) / mbps(naiveText.median)),
      note: 'higher is better; the 32 KB map values joined by line breaks',
    },
  ];
  rows.push(...classRows(), ...heldOutRows());
  for (const [label, mine, base, size] of [
    ['all kinds', oursScore, theirsScore, corpus.length],
    ['card/SSN/e-mail/phone only (kinds redact-pii knows)', oursShared, theirsShared, shared.length],
  ] as const) {
    rows.push(
      {
        name: `masking: labelled corpus, ${label} (${String(size)} texts, seed ${String(SEED)})`,
        metric: 'precision',
        median: round(mine.precision),
        baselineName: 'redact-pii SyncRedactor',
        baselineMedian: round(base.precision),
        ratio: round(mine.precision / base.precision),
        note: 'higher is better',
      },
      {
        name: `masking: labelled corpus, ${label} (${String(size)} texts, seed ${String(SEED)})`,
        metric: 'recall',
        median: round(mine.recall),
        baselineName: 'redact-pii SyncRedactor',
        baselineMedian: round(base.recall),
        ratio: round(mine.recall / base.recall),
        note: 'higher is better',
      },
    );
  }
  return rows;
};

/**
 * Precision and recall per class of issue 10's corpus (`bench/corpus/classCorpus.ts`), on the
 * tuning split and on the held-out split, for the engine the shell builds from the smallest valid
 * policy (no dialing.defaultCountry, an en-US browser) and for redact-pii on the same strings.
 */
function classRows(): BenchResult[] {
  const ours = shellDisplays();
  const theirs = redactPiiDisplays();
  const corpus = classCorpus(CLASS_SEED);
  const rows: BenchResult[] = [];
  for (const corpusClass of CORPUS_CLASSES) {
    for (const split of ['tuning', 'heldOut'] as const) {
      const cases = corpus.filter((c) => c.class === corpusClass && c.split === split);
      const mine = scoreCases(cases, ours);
      const name = `masking class ${corpusClass}, ${split === 'tuning' ? 'tuning' : 'held out'} (${String(mine.positives)}+${String(mine.negatives)} cases, seed ${String(CLASS_SEED)})`;
      rows.push(...precisionRecallRows(name, mine, scoreCases(cases, theirs)));
    }
  }
  return rows;
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AuditEvent } from '../src/core/audit/AuditEvent.ts';
import { buildAuditEvent } from '../src/core/audit/buildAuditEvent.ts';
import { encodeOtlpLogs } from '../src/core/audit/otlp/encodeOtlpLogs.ts';
import type { OutboxEntry, OutboxLimits } from '../src/core/audit/outbox/Outbox.ts';
import type { BenchResult } from './BenchResult.ts';
import { fakeChrome } from './fakeChromeStorage.ts';
import { median, percentile } from './percentile.ts';

/**
 * The audit outbox and its OTLP export — the worker's own modules (`src/background/audit/`), run
 * in Node against a fake `chrome.storage.local` that serializes like Chrome does (JSON strings),
 * not in Chromium's worker: driving 100,000 events through page→worker messages in a real
 * browser takes minutes on this machine and its memory cannot be read from outside. What is
 * measured is the outbox's own cost (append, index and segment rewrites, batching, encoding,
 * settling); Chrome's storage backend (LevelDB in the browser process) is not.
 */
const RUNS = 5;
const ACCEPT_EVENTS = 2_000;
const DELIVER_EVENTS = 10_000;
const MEMORY_EVENTS = 100_000;
const MEMORY_BURST = 500;
const DEFAULT_LIMITS: OutboxLimits = { maxEvents: 10_000, retentionDays: 30 };
/** Retries stay short so that the export is idle (no timers) soon after the bench. */
const QUICK_BACKOFF = { baseMs: 200, maxMs: 1_000 };

function sampleEvent(n: number): AuditEvent {
  return n % 2 === 0
    ? buildAuditEvent('origin.blocked', { origin: `https://tracker-${String(n % 97)}.example.com`, kind: 'fetch', layer: 'dnr' })
    : buildAuditEvent('ivr.plaintext_incident', { contactId: `c-${String(n).padStart(8, '0')}-4f1e-9a7b-2c6d8e0f1a2b`, field: 'Card number' });
}

async function loadWorkerModules() {
  const [{ createAuditOutboxStore }, { startAuditExport }] = await Promise.all([
    import('../src/background/audit/auditOutboxStore.ts'),
    import('../src/background/audit/auditExport.ts'),
  ]);
  return { createAuditOutboxStore, startAuditExport };
}

interface CountingReceiver {
  endpoint: string;
  records(): number;
  close(): Promise<void>;
}

/** A local OTLP/HTTP receiver that answers 200 and counts log records (plain HTTP: Node's fetch would refuse a throw-away certificate). */
async function startCountingReceiver(): Promise<CountingReceiver> {
  let records = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceLogs: Array<{ scopeLogs: Array<{ logRecords: unknown[] }> }> };
      for (const resource of body.resourceLogs) for (const scope of resource.scopeLogs) records += scope.logRecords.length;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v1/logs`,
    records: () => records,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((done) => setTimeout(done, 5));
}

const perSecond = (events: number, ms: number): number => (events / ms) * 1000;

export async function run(): Promise<BenchResult[]> {
  const worker = await loadWorkerModules();
  const receiver = await startCountingReceiver();
  const sequential: number[] = [];
  const concurrent: number[] = [];
  const bareSet: number[] = [];
  const delivered: number[] = [];
  const barePost: number[] = [];
  try {
    for (let round = 0; round < RUNS; round += 1) {
      // Baseline: one storage.local.set per event, the least a durable log can do.
      {
        const fake = fakeChrome();
        fake.install();
        const started = performance.now();
        for (let n = 0; n < ACCEPT_EVENTS; n += 1) await chrome.storage.local.set({ [`bare.${String(n)}`]: sampleEvent(n) });
        bareSet.push(perSecond(ACCEPT_EVENTS, performance.now() - started));
      }
      // Each append awaited before the next: one commit (index + last segment) per event.
      {
        fakeChrome().install();
        const store = worker.createAuditOutboxStore(() => ({ limits: DEFAULT_LIMITS, exporting: true }));
        const started = performance.now();
        for (let n = 0; n < ACCEPT_EVENTS; n += 1) await store.append(sampleEvent(n));
        sequential.push(perSecond(ACCEPT_EVENTS, performance.now() - started));
      }
      // Events arriving while a write runs are committed together with the next (group commit).
      {
        fakeChrome().install();
        const store = worker.createAuditOutboxStore(() => ({ limits: DEFAULT_LIMITS, exporting: true }));
        const started = performance.now();
        await Promise.all(Array.from({ length: ACCEPT_EVENTS }, (_, n) => store.append(sampleEvent(n))));
        concurrent.push(perSecond(ACCEPT_EVENTS, performance.now() - started));
      }
      // Delivery: the queued events to the receiver, batches of 200 as the export sends them.
      {
        fakeChrome().install();
        const store = worker.createAuditOutboxStore(() => ({ limits: DEFAULT_LIMITS, exporting: true }));
        await Promise.all(Array.from({ length: DELIVER_EVENTS }, (_, n) => store.append(sampleEvent(n))));
        const before = receiver.records();
        const exporter = worker.startAuditExport(store, async () => ({
          endpoint: receiver.endpoint,
          headers: [],
          limits: DEFAULT_LIMITS,
          connectInstance: 'https://shield-demo.my.connect.aws',
          backoff: QUICK_BACKOFF,
        }));
        const started = performance.now();
        await exporter.resume();
        await waitFor(() => receiver.records() - before >= DELIVER_EVENTS);
        delivered.push(perSecond(DELIVER_EVENTS, performance.now() - started));
      }
      // Baseline: the same events, encoded in batches of 200 and posted one after the other, no outbox.
      {
        const entries: OutboxEntry[] = Array.from({ length: DELIVER_EVENTS }, (_, n) => ({ id: crypto.randomUUID(), sequence: n + 1, event: sampleEvent(n) }));
        const resource = {
          extensionId: 'benchbenchbenchbenchbenchbenchbe',
          version: '0.0.0-bench',
          installationId: crypto.randomUUID(),
          connectInstance: 'https://shield-demo.my.connect.aws',
          browser: { brands: [], platform: '', language: 'en', userAgent: 'bench' },
        };
        const before = receiver.records();
        const started = performance.now();
        for (let first = 0; first < entries.length; first += 200) {
          const response = await fetch(receiver.endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: new Blob([encodeOtlpLogs(entries.slice(first, first + 200), resource) as BlobPart]),
          });
          await response.arrayBuffer();
        }
        if (receiver.records() - before !== DELIVER_EVENTS) throw new Error('the bare posts did not all arrive');
        barePost.push(perSecond(DELIVER_EVENTS, performance.now() - started));
      }
    }
  } finally {
    await receiver.close();
  }

  const rows: BenchResult[] = [
    rate(
      `audit outbox: accept ${ACCEPT_EVENTS.toLocaleString('en')} events, each append awaited (Node, fake chrome.storage)`,
      sequential,
      'bare storage.local.set per event',
      bareSet,
    ),
    rate(
      `audit outbox: accept ${ACCEPT_EVENTS.toLocaleString('en')} events arriving together (group commit)`,
      concurrent,
      'bare storage.local.set per event',
      bareSet,
    ),
    rate(
      `audit export: deliver ${DELIVER_EVENTS.toLocaleString('en')} queued events to a local OTLP receiver (batches of 200)`,
      delivered,
      'encode + POST the same batches, no outbox',
      barePost,
    ),
  ];
  for (const maxEvents of [DEFAULT_LIMITS.maxEvents, 100_000]) rows.push(...(await memoryRows(worker, maxEvents)));
  return rows;
}

function rate(name: string, sample: number[], baselineName: string, baseline: number[]): BenchResult {
  return {
    name,
    metric: 'events/s',
    median: median(sample),
    p95: percentile(sample, 5),
    baselineName,
    baselineMedian: median(baseline),
    ratio: median(sample) / median(baseline),
    note: 'higher is better; p95 column = the 5th percentile (the slow end); ratio = median / baseline median',
  };
}

/** 100,000 events with the collector down (connection refused): the outbox must stay within maxEvents. */
async function memoryRows(worker: Awaited<ReturnType<typeof loadWorkerModules>>, maxEvents: number): Promise<BenchResult[]> {
  const fake = fakeChrome();
  fake.install();
  const limits = { maxEvents, retentionDays: 30 };
  let endpoint: string | null = 'http://127.0.0.1:9/v1/logs';
  const store = worker.createAuditOutboxStore(() => ({ limits, exporting: true }));
  const exporter = worker.startAuditExport(store, async () => ({ endpoint, headers: [], limits, connectInstance: null, backoff: QUICK_BACKOFF }));
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let first = 0; first < MEMORY_EVENTS; first += MEMORY_BURST) {
    await Promise.all(Array.from({ length: MEMORY_BURST }, (_, offset) => store.append(sampleEvent(first + offset)).then(() => exporter.notify())));
  }
  const meta = await store.readMeta();
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  const stored = fake.storedBytes();
  // The export goes idle: its next retry finds no endpoint and stops.
  endpoint = null;
  const kept = meta.nextSequence - meta.firstSequence;
  // Every sequence number ever given (events and the drop notices among them) minus what is kept.
  const dropped = meta.nextSequence - 1 - kept;
  const label = `audit outbox: ${MEMORY_EVENTS.toLocaleString('en')} events, collector down, maxEvents ${maxEvents.toLocaleString('en')}`;
  const mb = (bytes: number): number => bytes / 1024 / 1024;
  return [
    {
      name: label,
      metric: 'heap growth MB (minus stored values)',
      median: mb(heapAfter - heapBefore - stored),
      baselineName: 'heap before the first event',
      baselineMedian: mb(heapBefore),
      ratio: (heapAfter - stored) / heapBefore,
      note: `kept ${kept.toLocaleString('en')} events in ${String(fake.keys().length)} storage keys (${mb(stored).toFixed(1)} MB serialized, what chrome.storage.local would hold), ${dropped.toLocaleString('en')} dropped oldest first and reported in audit.events_dropped notices; heap total ${mb(heapAfter).toFixed(1)} MB; one run (the heap is read after a forced GC)`,
    },
    { name: label, metric: 'events kept', median: kept, baselineName: 'maxEvents', baselineMedian: maxEvents, ratio: kept / maxEvents },
  ];
}

import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit/AuditEvent.ts';
import { buildAuditEvent } from '../../../src/core/audit/buildAuditEvent.ts';
import { appendEvents } from '../../../src/core/audit/outbox/appendEvents.ts';
import {
  classifyResponse,
  entriesInRange,
  nextBatchRange,
  recordDelivered,
  recordRejected,
  recordRetry,
} from '../../../src/core/audit/outbox/deliveryBatch.ts';
import { deliveryStatus } from '../../../src/core/audit/outbox/deliveryStatus.ts';
import {
  DAY_MS,
  emptyOutboxMeta,
  keptSegments,
  OUTBOX_SEGMENT_SIZE,
  segmentOf,
  type OutboxEntry,
  type OutboxMeta,
} from '../../../src/core/audit/outbox/Outbox.ts';
import { pruneExpired } from '../../../src/core/audit/outbox/pruneExpired.ts';

const NOW = Date.UTC(2026, 11, 1, 12);

/** The outbox with a Map standing in for chrome.storage.local, applying changes as the worker does. */
function memoryOutbox(limits = { maxEvents: 1_000, retentionDays: 30 }, exporting = true) {
  const segments = new Map<number, OutboxEntry[]>();
  let meta: OutboxMeta = emptyOutboxMeta();
  let ids = 0;
  let writesPerAppend: number[] = [];
  return {
    segments,
    get meta() {
      return meta;
    },
    set meta(value: OutboxMeta) {
      meta = value;
    },
    writesPerAppend: () => writesPerAppend,
    append(events: AuditEvent[], now = NOW) {
      const tail = segments.get(segmentOf(Math.max(meta.nextSequence - 1, 1))) ?? [];
      const change = appendEvents(meta, tail, events, { now, limits, exporting, newId: () => `id-${++ids}` });
      change.writes.forEach((entries, segment) => segments.set(segment, entries));
      change.removes.forEach((segment) => segments.delete(segment));
      writesPerAppend = [...change.writes.keys()];
      meta = change.meta;
    },
    all(): OutboxEntry[] {
      return keptSegments(meta).flatMap((segment) => segments.get(segment) ?? []);
    },
  };
}

const event = (n: number, at = NOW): AuditEvent => buildAuditEvent('origin.blocked', { origin: `https://h${n}.example`, kind: 'fetch', layer: 'dnr' }, at);

describe('the outbox: append', () => {
  it('gives each event the next sequence number and a unique ID, in order of arrival', () => {
    const outbox = memoryOutbox();
    outbox.append([event(1), event(2)]);
    outbox.append([event(3)]);
    const all = outbox.all();
    expect(all.map((entry) => entry.sequence)).toEqual([1, 2, 3]);
    expect(new Set(all.map((entry) => entry.id)).size).toBe(3);
    expect(all.map((entry) => entry.event.details)).toEqual([event(1), event(2), event(3)].map((e) => e.details));
  });

  it('rewrites only the last segment, never the whole log', () => {
    const outbox = memoryOutbox();
    for (let n = 1; n <= 5 * OUTBOX_SEGMENT_SIZE + 3; n += 1) outbox.append([event(n)]);
    expect(outbox.segments.size).toBe(6);
    expect(outbox.writesPerAppend()).toEqual([5]);
    expect(outbox.all()).toHaveLength(5 * OUTBOX_SEGMENT_SIZE + 3);
  });

  it('keeps at most maxEvents, dropping the oldest first, and reports what was dropped undelivered', () => {
    const outbox = memoryOutbox({ maxEvents: 300, retentionDays: 30 });
    for (let n = 1; n <= 301; n += 1) outbox.append([event(n)]);
    const all = outbox.all();
    expect(all.length).toBeLessThanOrEqual(300);
    expect(all[0]?.sequence).toBe(OUTBOX_SEGMENT_SIZE + 1);
    expect(outbox.meta.drops).toEqual([{ at: new Date(NOW).toISOString(), reason: 'size', count: 100, firstSequence: 1, lastSequence: 100 }]);
    const report = all.at(-1);
    expect(report?.event).toEqual(buildAuditEvent('audit.events_dropped', { dropped: 100, reason: 'size', firstSequence: 1, lastSequence: 100 }, NOW));
  });

  it('does not count delivered events as dropped', () => {
    const outbox = memoryOutbox({ maxEvents: 300, retentionDays: 30 });
    for (let n = 1; n <= 300; n += 1) outbox.append([event(n)]);
    outbox.meta = recordDelivered(outbox.meta, 150);
    outbox.append([event(301)]);
    expect(outbox.meta.drops).toEqual([]);
    expect(outbox.meta.settledThrough).toBe(150);
  });

  it('without an endpoint, removal is plain retention and is not reported', () => {
    const outbox = memoryOutbox({ maxEvents: 300, retentionDays: 30 }, false);
    for (let n = 1; n <= 301; n += 1) outbox.append([event(n)]);
    expect(outbox.meta.drops).toEqual([]);
    expect(outbox.all().every((entry) => entry.event.type === 'origin.blocked')).toBe(true);
    expect(deliveryStatus(outbox.all()[0] as OutboxEntry, outbox.meta, false)).toBe('kept');
  });
});

describe('the outbox: retention', () => {
  it('removes segments whose newest event is past retentionDays, reporting undelivered ones', () => {
    const limits = { maxEvents: 10_000, retentionDays: 7 };
    const outbox = memoryOutbox(limits);
    const old = NOW - 10 * DAY_MS;
    for (let n = 1; n <= OUTBOX_SEGMENT_SIZE; n += 1) outbox.append([event(n, old)], old);
    outbox.append([event(101)]);
    const first = pruneExpired(outbox.meta, outbox.segments.get(0) ?? [], { now: NOW, limits, exporting: true });
    expect(first.removed).toBe(0);
    expect(first.meta.firstSequence).toBe(101);
    expect(first.report?.details).toEqual({ dropped: 100, reason: 'age', firstSequence: 1, lastSequence: 100 });
    // The newest segment is never removed by retention.
    expect(pruneExpired(first.meta, outbox.segments.get(1) ?? [], { now: NOW + 30 * DAY_MS, limits, exporting: true }).removed).toBeNull();
  });

  it('keeps a segment while any of its events is within retention', () => {
    const limits = { maxEvents: 10_000, retentionDays: 7 };
    const outbox = memoryOutbox(limits);
    for (let n = 1; n < OUTBOX_SEGMENT_SIZE; n += 1) outbox.append([event(n, NOW - 10 * DAY_MS)]);
    outbox.append([event(100, NOW - DAY_MS)]);
    outbox.append([event(101)]);
    expect(pruneExpired(outbox.meta, outbox.segments.get(0) ?? [], { now: NOW, limits, exporting: true }).removed).toBeNull();
  });
});

describe('the outbox: delivery', () => {
  it('sends in order, in batches, and marks what was sent', () => {
    const outbox = memoryOutbox();
    for (let n = 1; n <= 250; n += 1) outbox.append([event(n)]);
    const range = nextBatchRange(outbox.meta, 200);
    expect(range).toEqual({ first: 1, last: 200, segments: [0, 1] });
    const batch = entriesInRange(range?.segments.map((s) => outbox.segments.get(s) ?? []) ?? [], { first: 1, last: 200 });
    expect(batch.map((entry) => entry.sequence)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    outbox.meta = recordDelivered(outbox.meta, 200);
    expect(nextBatchRange(outbox.meta, 200)).toEqual({ first: 201, last: 250, segments: [2] });
    expect(deliveryStatus(outbox.all()[199] as OutboxEntry, outbox.meta, true)).toBe('sent');
    expect(deliveryStatus(outbox.all()[200] as OutboxEntry, outbox.meta, true)).toBe('queued');
    outbox.meta = recordDelivered(outbox.meta, 250);
    expect(nextBatchRange(outbox.meta)).toBeNull();
  });

  it('a batch the collector refuses as malformed is settled as dropped and reported', () => {
    const outbox = memoryOutbox();
    for (let n = 1; n <= 3; n += 1) outbox.append([event(n)]);
    const rejected = recordRejected(outbox.meta, { first: 1, last: 3 }, NOW);
    expect(rejected.meta.settledThrough).toBe(3);
    expect(rejected.report?.details).toEqual({ dropped: 3, reason: 'rejected', firstSequence: 1, lastSequence: 3 });
    expect(deliveryStatus(outbox.all()[0] as OutboxEntry, rejected.meta, true)).toBe('dropped');
  });

  it('retries 429, 5xx, auth failures and network errors; drops other 4xx', () => {
    expect([200, 204].map(classifyResponse)).toEqual(['delivered', 'delivered']);
    expect([null, 401, 403, 408, 429, 500, 502, 503, 504].map(classifyResponse)).toEqual(Array(9).fill('retry'));
    expect([400, 404, 413].map(classifyResponse)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it("a failure waits at least the collector's Retry-After", () => {
    const meta = recordRetry(emptyOutboxMeta(), { now: NOW, random: 0, retryAfterMs: 60_000 });
    expect(meta.nextAttemptAt).toBe(NOW + 60_000);
    expect(meta.attempt).toBe(1);
  });
});

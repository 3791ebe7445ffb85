import type { AuditEvent } from '../../core/audit/AuditEvent.ts';
import { encodeOtlpLogs } from '../../core/audit/otlp/encodeOtlpLogs.ts';
import { classifyResponse, entriesInRange, nextBatchRange, recordDelivered, recordRejected, recordRetry } from '../../core/audit/outbox/deliveryBatch.ts';
import { keptSegments, type OutboxChange, type OutboxEntry, type OutboxLimits, type OutboxMeta } from '../../core/audit/outbox/Outbox.ts';
import { pruneExpired } from '../../core/audit/outbox/pruneExpired.ts';
import type { BackoffSettings } from '../../core/audit/outbox/backoffDelay.ts';
import type { AuditOutboxStore } from './auditOutboxStore.ts';
import { auditResourceInfo } from './auditResourceInfo.ts';
import { postOtlpLogs } from './postOtlpLogs.ts';

const AUDIT_DELIVERY_ALARM = 'connect-shield.audit-delivery';
/** Events that arrive together go in one request: delivery starts this long after the first. */
const BATCH_WINDOW_MS = 1_000;

export interface ExportSettings {
  endpoint: string | null;
  headers: ReadonlyArray<{ name: string; value: string }>;
  limits: OutboxLimits;
  connectInstance: string | null;
  backoff?: BackoffSettings;
}

type Settled = { outcome: 'delivered' | 'retry' | 'rejected'; report: AuditEvent | null; nextAttemptAt: number | null };
type Batch = { wait: number } | { range: { first: number; last: number }; entries: OutboxEntry[] } | null;

/**
 * Delivers the outbox to the policy's OTLP endpoint. Timers do not survive a stopped worker, so
 * every pending delivery is also a `chrome.alarms` alarm (which wakes the worker), and start-up
 * resumes whatever the stored index says is pending. At-least-once: an entry is settled only
 * after the collector answered 2xx, so a worker stopped mid-request sends the batch again and
 * the collector de-duplicates by `log.record.uid`.
 */
/**
 * Retention: drops the oldest segments whose newest event is past `retentionDays`, with the
 * drop reports for undelivered events (when exporting).
 */
async function expiredSegments(
  stored: OutboxMeta,
  read: (segments: readonly number[]) => Promise<OutboxEntry[][]>,
  context: { now: number; limits: OutboxLimits; exporting: boolean },
): Promise<{ meta: OutboxMeta; change: OutboxChange | null; reports: AuditEvent[] }> {
  let meta = stored;
  const removes: number[] = [];
  const reports: AuditEvent[] = [];
  for (;;) {
    const [oldestSegment] = keptSegments(meta);
    if (oldestSegment === undefined) break;
    const [oldest = []] = await read([oldestSegment]);
    const pruned = pruneExpired(meta, oldest, context);
    if (pruned.removed === null) break;
    meta = pruned.meta;
    removes.push(pruned.removed);
    if (pruned.report) reports.push(pruned.report);
  }
  return { meta, change: removes.length > 0 ? { meta, writes: new Map<number, OutboxEntry[]>(), removes } : null, reports };
}

/** Drops expired events even when nothing is exported or recorded (the daily prune alarm). */
export async function pruneAuditOutbox(store: AuditOutboxStore, context: { limits: OutboxLimits; exporting: boolean }): Promise<void> {
  const reports = await store.update(async (stored, read) => {
    const { change, reports: found } = await expiredSegments(stored, read, { now: Date.now(), ...context });
    return { change, result: found };
  });
  if (reports.length > 0) await store.appendNow(reports);
}

export function startAuditExport(store: AuditOutboxStore, settings: () => Promise<ExportSettings>) {
  let delivering = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = (when: number): void => {
    const delay = Math.max(0, when - Date.now());
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void deliver();
    }, delay);
    void chrome.alarms.create(AUDIT_DELIVERY_ALARM, { when: Math.max(when, Date.now() + 1) });
  };

  const prepareBatch = (current: ExportSettings): Promise<{ batch: Batch; reports: AuditEvent[] }> =>
    store.update<{ batch: Batch; reports: AuditEvent[] }>(async (stored, read) => {
      const { meta, change, reports } = await expiredSegments(stored, read, { now: Date.now(), limits: current.limits, exporting: true });
      if (meta.nextAttemptAt !== null && Date.now() < meta.nextAttemptAt) return { change, result: { batch: { wait: meta.nextAttemptAt }, reports } };
      const range = nextBatchRange(meta);
      if (range === null) return { change, result: { batch: null, reports } };
      return { change, result: { batch: { range, entries: entriesInRange(await read(range.segments), range) }, reports } };
    });

  const settle = (
    batch: { range: { first: number; last: number }; entries: OutboxEntry[] },
    answer: { status: number | null; retryAfterMs?: number },
    backoff?: BackoffSettings,
  ) =>
    store.update<Settled>(async (meta) => {
      const outcome = classifyResponse(answer.status);
      const noWrites = new Map<number, OutboxEntry[]>();
      if (outcome === 'delivered')
        return {
          change: { meta: recordDelivered(meta, batch.range.last), writes: noWrites, removes: [] },
          result: { outcome, report: null, nextAttemptAt: null },
        };
      if (outcome === 'rejected') {
        const rejected = recordRejected(meta, batch.range, Date.now(), batch.entries);
        return { change: { meta: rejected.meta, writes: noWrites, removes: [] }, result: { outcome, report: rejected.report, nextAttemptAt: null } };
      }
      const next = recordRetry(meta, {
        now: Date.now(),
        random: Math.random(),
        ...(answer.retryAfterMs === undefined ? {} : { retryAfterMs: answer.retryAfterMs }),
        ...(backoff ? { backoff } : {}),
      });
      return { change: { meta: next, writes: noWrites, removes: [] }, result: { outcome, report: null, nextAttemptAt: next.nextAttemptAt } };
    });

  async function deliver(): Promise<void> {
    if (delivering) {
      again = true;
      return;
    }
    delivering = true;
    try {
      for (;;) {
        const current = await settings();
        if (current.endpoint === null) return;
        const { batch, reports } = await prepareBatch(current);
        if (reports.length > 0) await store.appendNow(reports);
        if (batch === null) {
          if (reports.length > 0) continue;
          await chrome.alarms.clear(AUDIT_DELIVERY_ALARM);
          return;
        }
        if ('wait' in batch) return schedule(batch.wait);
        const body = encodeOtlpLogs(batch.entries, await auditResourceInfo(current.connectInstance));
        const answer = await postOtlpLogs(current.endpoint, body, current.headers);
        const settled = await settle(batch, answer, current.backoff);
        if (settled.report) await store.appendNow([settled.report]);
        if (settled.outcome === 'retry' && settled.nextAttemptAt !== null) return schedule(settled.nextAttemptAt);
      }
    } catch (error) {
      console.error('Connect Shield: audit delivery failed', error instanceof Error ? error.name : 'unknown error');
      schedule(Date.now() + 30_000);
    } finally {
      delivering = false;
      if (again) {
        again = false;
        void deliver();
      }
    }
  }

  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUDIT_DELIVERY_ALARM) void deliver();
  });

  return {
    /** A new event is stored: deliver it soon, unless a backoff is running (its alarm stands). */
    async notify(): Promise<void> {
      const meta = await store.readMeta();
      if (meta.nextAttemptAt !== null && meta.nextAttemptAt > Date.now()) return;
      if (timer === null) schedule(Date.now() + BATCH_WINDOW_MS);
    },
    /** At start-up and on a policy change: pick up what the stored index says is pending. */
    resume: (): Promise<void> => deliver(),
  };
}

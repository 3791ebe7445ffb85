import type { AuditEvent } from '../AuditEvent.ts';
import { dropRange } from './dropRange.ts';
import { segmentOf, type OutboxEntry, type OutboxMeta } from './Outbox.ts';
import { backoffDelay, type BackoffSettings } from './backoffDelay.ts';

const DEFAULT_BATCH_SIZE = 200;

/** The sequences the next delivery carries, oldest unsettled first; null when nothing waits. */
export function nextBatchRange(meta: OutboxMeta, batchSize = DEFAULT_BATCH_SIZE): { first: number; last: number; segments: number[] } | null {
  const first = Math.max(meta.settledThrough + 1, meta.firstSequence);
  const last = Math.min(meta.nextSequence - 1, first + batchSize - 1);
  if (last < first) return null;
  const segments: number[] = [];
  for (let segment = segmentOf(first); segment <= segmentOf(last); segment += 1) segments.push(segment);
  return { first, last, segments };
}

/** The entries of a range, from the stored segments it spans, in sequence order. */
export function entriesInRange(segments: ReadonlyArray<readonly OutboxEntry[]>, range: { first: number; last: number }): OutboxEntry[] {
  return segments
    .flat()
    .filter((entry) => entry.sequence >= range.first && entry.sequence <= range.last)
    .sort((a, b) => a.sequence - b.sequence);
}

/** The collector accepted the batch (2xx). */
export function recordDelivered(meta: OutboxMeta, lastSequence: number): OutboxMeta {
  return { ...meta, settledThrough: Math.max(meta.settledThrough, lastSequence), attempt: 0, nextAttemptAt: null };
}

/**
 * The collector could not take the batch now (network error, 429, 5xx): try again after an
 * exponential, jittered delay, or after the collector's Retry-After when that is longer.
 */
export function recordRetry(meta: OutboxMeta, context: { now: number; random: number; retryAfterMs?: number; backoff?: BackoffSettings }): OutboxMeta {
  const attempt = meta.attempt + 1;
  const delay = Math.max(backoffDelay(attempt, context.random, context.backoff), context.retryAfterMs ?? 0);
  return { ...meta, attempt, nextAttemptAt: context.now + delay };
}

/**
 * The collector refused the batch as malformed (400, 413 and other 4xx it will never accept):
 * sending it again cannot succeed, so it is settled as dropped and the drop is reported. A batch
 * that held nothing but such reports is settled without another one: a collector that refuses
 * everything would otherwise be sent report after report of the last report's refusal, without end.
 */
export function recordRejected(
  meta: OutboxMeta,
  range: { first: number; last: number },
  now: number,
  entries: readonly OutboxEntry[] = [],
): { meta: OutboxMeta; report: AuditEvent | null } {
  const onlyRejectionReports =
    entries.length > 0 && entries.every((entry) => entry.event.type === 'audit.events_dropped' && entry.event.details.reason === 'rejected');
  if (onlyRejectionReports)
    return { meta: { ...meta, settledThrough: Math.max(meta.settledThrough, range.last), attempt: 0, nextAttemptAt: null }, report: null };
  const dropped = dropRange(meta, range, 'rejected', { now, exporting: true });
  return { meta: { ...dropped.meta, attempt: 0, nextAttemptAt: null }, report: dropped.report };
}

export type DeliveryOutcome = 'delivered' | 'retry' | 'rejected';

/**
 * OTLP/HTTP: 2xx is success; 429, 502, 503 and 504 are retryable; other 4xx are not. Auth
 * failures (401, 403) and other 5xx are retried too: a wrong API key or a broken collector is
 * fixed by IT, and the events must still arrive afterwards.
 */
export function classifyResponse(status: number | null): DeliveryOutcome {
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 401 || status === 403 || status === 408 || status === 429) return 'retry';
  if (status >= 400 && status < 500) return 'rejected';
  return 'retry';
}

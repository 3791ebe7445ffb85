import type { AuditEvent } from '../AuditEvent.ts';
import { dropRange } from './dropRange.ts';
import { DAY_MS, firstSequenceOfSegment, lastSequenceOfSegment, segmentOf, type OutboxEntry, type OutboxLimits, type OutboxMeta } from './Outbox.ts';

/**
 * Retention: removes the oldest segment when even its newest event is older than
 * `retentionDays`. Called with the stored content of the oldest segment; the caller repeats
 * with the next oldest while this returns a removal. The newest segment is kept (readers filter
 * its expired entries with `isExpired`).
 */
export function pruneExpired(
  meta: OutboxMeta,
  oldest: readonly OutboxEntry[],
  context: { now: number; limits: OutboxLimits; exporting: boolean },
): { meta: OutboxMeta; removed: number | null; report: AuditEvent | null } {
  if (meta.nextSequence === meta.firstSequence) return { meta, removed: null, report: null };
  const segment = segmentOf(meta.firstSequence);
  if (segment === segmentOf(meta.nextSequence - 1)) return { meta, removed: null, report: null };
  const newest = oldest.reduce((latest, entry) => Math.max(latest, Date.parse(entry.event.at)), Number.NEGATIVE_INFINITY);
  if (oldest.length > 0 && !isExpired(newest, context.now, context.limits)) return { meta, removed: null, report: null };
  const dropped = dropRange(meta, { first: meta.firstSequence, last: lastSequenceOfSegment(segment) }, 'age', context);
  return { meta: { ...dropped.meta, firstSequence: firstSequenceOfSegment(segment + 1) }, removed: segment, report: dropped.report };
}

function isExpired(at: number, now: number, limits: OutboxLimits): boolean {
  return at < now - limits.retentionDays * DAY_MS;
}

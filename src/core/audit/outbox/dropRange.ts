import { buildAuditEvent } from '../buildAuditEvent.ts';
import type { AuditEvent } from '../AuditEvent.ts';
import { MAX_DROP_RECORDS, type DropReason, type OutboxMeta } from './Outbox.ts';

/**
 * Settles a range of sequences that is being removed. Events in it that were not yet delivered
 * are recorded as dropped, and, when the outbox exports, an `audit.events_dropped` event reports
 * them downstream (returned for the caller to append). Without an export the removal is plain
 * retention and is not reported.
 */
export function dropRange(
  meta: OutboxMeta,
  range: { first: number; last: number },
  reason: DropReason,
  context: { now: number; exporting: boolean },
): { meta: OutboxMeta; report: AuditEvent | null } {
  const firstUnsettled = Math.max(range.first, meta.settledThrough + 1);
  const undelivered = range.last - firstUnsettled + 1;
  const settledThrough = Math.max(meta.settledThrough, range.last);
  if (undelivered <= 0 || !context.exporting) return { meta: { ...meta, settledThrough }, report: null };
  const record = { at: new Date(context.now).toISOString(), reason, count: undelivered, firstSequence: firstUnsettled, lastSequence: range.last };
  const report = buildAuditEvent(
    'audit.events_dropped',
    { dropped: undelivered, reason, firstSequence: firstUnsettled, lastSequence: range.last },
    context.now,
  );
  return { meta: { ...meta, settledThrough, drops: [...meta.drops, record].slice(-MAX_DROP_RECORDS) }, report };
}

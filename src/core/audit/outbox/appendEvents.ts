import type { AuditEvent } from '../AuditEvent.ts';
import { dropRange } from './dropRange.ts';
import { lastSequenceOfSegment, segmentOf, firstSequenceOfSegment, type OutboxChange, type OutboxEntry, type OutboxLimits, type OutboxMeta } from './Outbox.ts';

export interface AppendContext {
  now: number;
  limits: OutboxLimits;
  /** True when the policy names an endpoint: undelivered events that are dropped are then reported. */
  exporting: boolean;
  newId(): string;
}

/**
 * Appends events in order, each with the next sequence number and a fresh ID, then keeps the
 * outbox within `maxEvents` by removing whole segments, oldest first. `tail` is the stored content
 * of the segment that holds `meta.nextSequence - 1` (empty when that segment does not exist yet).
 * The newest segment is never removed, so the bound may be exceeded by less than one segment only
 * while `maxEvents` is smaller than a segment.
 */
export function appendEvents(
  meta: OutboxMeta,
  tail: readonly OutboxEntry[],
  events: readonly AuditEvent[],
  context: AppendContext,
): OutboxChange & { tail: OutboxEntry[] } {
  const writes = new Map<number, OutboxEntry[]>();
  const removes: number[] = [];
  let next = meta;
  let tailSegment = segmentOf(meta.nextSequence);
  let current = meta.nextSequence > meta.firstSequence && segmentOf(meta.nextSequence - 1) === tailSegment ? [...tail] : [];

  const push = (event: AuditEvent): void => {
    const sequence = next.nextSequence;
    const segment = segmentOf(sequence);
    if (segment !== tailSegment) {
      tailSegment = segment;
      current = [];
    }
    current.push({ id: context.newId(), sequence, event });
    writes.set(segment, current);
    next = { ...next, nextSequence: sequence + 1 };
  };

  events.forEach(push);

  const reports: AuditEvent[] = [];
  while (next.nextSequence - next.firstSequence > context.limits.maxEvents) {
    const oldest = segmentOf(next.firstSequence);
    if (oldest === tailSegment) break;
    const range = { first: next.firstSequence, last: lastSequenceOfSegment(oldest) };
    const dropped = dropRange(next, range, 'size', context);
    next = { ...dropped.meta, firstSequence: firstSequenceOfSegment(oldest + 1) };
    removes.push(oldest);
    writes.delete(oldest);
    if (dropped.report) reports.push(dropped.report);
  }
  // Reports are appended without another round of bounds: the next append applies them.
  reports.forEach(push);
  return { meta: next, writes, removes, tail: current };
}

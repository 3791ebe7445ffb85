import type { OutboxEntry, OutboxMeta } from './Outbox.ts';

/** What the supervisor's audit view shows for an event. `kept`: no endpoint, the event stays in this browser. */
export type DeliveryStatus = 'queued' | 'sent' | 'dropped' | 'kept';

export function deliveryStatus(entry: OutboxEntry, meta: OutboxMeta, exporting: boolean): DeliveryStatus {
  const rejected = meta.drops.some((drop) => drop.reason === 'rejected' && entry.sequence >= drop.firstSequence && entry.sequence <= drop.lastSequence);
  if (rejected) return 'dropped';
  if (entry.sequence <= meta.settledThrough) return 'sent';
  return exporting ? 'queued' : 'kept';
}

import { severityOf, type AuditSeverity } from './auditCatalogue.ts';
import type { AuditEvent } from './AuditEvent.ts';
import { deliveryStatus, type DeliveryStatus } from './outbox/deliveryStatus.ts';
import type { DropRecord, OutboxEntry, OutboxMeta } from './outbox/Outbox.ts';

export interface AuditViewRow {
  id: string;
  sequence: number;
  severity: AuditSeverity;
  event: AuditEvent;
  status: DeliveryStatus;
}

export interface AuditViewData {
  rows: AuditViewRow[];
  /** Ranges dropped before delivery, newest first. */
  drops: DropRecord[];
  exporting: boolean;
}

export const AUDIT_VIEW_MAX_ROWS = 200;

/**
 * What a supervisor's audit view shows: their own reveals and every incident of this desktop
 * (everything that is not someone else's reveal), newest first, with delivery status.
 */
export function auditViewRows(meta: OutboxMeta, entries: readonly OutboxEntry[], viewer: string, exporting: boolean): AuditViewData {
  const rows: AuditViewRow[] = [];
  for (let index = entries.length - 1; index >= 0 && rows.length < AUDIT_VIEW_MAX_ROWS; index -= 1) {
    const entry = entries[index];
    if (entry === undefined) continue;
    if (entry.event.type === 'masking.reveal' && entry.event.details.who !== viewer) continue;
    rows.push({
      id: entry.id,
      sequence: entry.sequence,
      severity: severityOf(entry.event.type),
      event: entry.event,
      status: deliveryStatus(entry, meta, exporting),
    });
  }
  return { rows, drops: [...meta.drops].reverse(), exporting };
}

import type { AuditViewData, AuditViewRow } from '../audit/auditViewRows.ts';
import { isAuditEventType } from '../audit/auditCatalogue.ts';
import { parseAuditEvent } from '../audit/parseAuditEvent.ts';

const STATUSES: ReadonlySet<unknown> = new Set(['queued', 'sent', 'dropped', 'kept']);

/** The page's check of the worker's audit view answer: every row's event is rebuilt through the catalogue. */
export function parseAuditViewReply(value: unknown): AuditViewData | null {
  if (typeof value !== 'object' || value === null) return null;
  const { rows, drops, exporting } = value as Record<string, unknown>;
  if (!Array.isArray(rows) || !Array.isArray(drops) || typeof exporting !== 'boolean') return null;
  const parsedRows: AuditViewRow[] = [];
  for (const row of rows as Array<Record<string, unknown>>) {
    const event = parseAuditEvent(row.event);
    if (event === null || !isAuditEventType(event.type) || typeof row.id !== 'string' || typeof row.sequence !== 'number' || !STATUSES.has(row.status))
      return null;
    parsedRows.push({
      id: row.id,
      sequence: row.sequence,
      severity: row.severity as AuditViewRow['severity'],
      event,
      status: row.status as AuditViewRow['status'],
    });
  }
  return { rows: parsedRows, drops: drops as AuditViewData['drops'], exporting };
}

import { AUDIT_VIEW_MAX_ROWS, auditViewRows, type AuditViewData } from '../../core/audit/auditViewRows.ts';
import { keptSegments, OUTBOX_SEGMENT_SIZE } from '../../core/audit/outbox/Outbox.ts';
import type { AuditOutboxStore } from './auditOutboxStore.ts';

/** Reads only the newest segments: enough for the view's rows even when other people's reveals are skipped. */
const SEGMENTS_READ = Math.ceil((AUDIT_VIEW_MAX_ROWS * 2) / OUTBOX_SEGMENT_SIZE) + 1;

export async function readAuditView(store: AuditOutboxStore, viewer: string, exporting: boolean): Promise<AuditViewData> {
  const meta = await store.readMeta();
  const segments = keptSegments(meta).slice(-SEGMENTS_READ);
  const entries = (await store.readSegments(segments)).flat().filter((entry) => entry.sequence >= meta.firstSequence);
  return auditViewRows(meta, entries, viewer, exporting);
}

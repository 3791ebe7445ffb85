import type { AuditEvent } from './AuditEvent.ts';

export const AUDIT_LOG_MAX_ENTRIES = 2_000;
export const DEFAULT_AUDIT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** Appends an event and drops what is past retention or beyond the size cap, oldest first. */
export function appendAuditEvent(log: readonly AuditEvent[], event: AuditEvent, now: number, retentionDays = DEFAULT_AUDIT_RETENTION_DAYS): AuditEvent[] {
  const kept = pruneAuditLog(log, now, retentionDays);
  kept.push(event);
  return kept.slice(-AUDIT_LOG_MAX_ENTRIES);
}

/** The events still within retention (an unreadable time counts as expired). */
export function pruneAuditLog(log: readonly AuditEvent[], now: number, retentionDays = DEFAULT_AUDIT_RETENTION_DAYS): AuditEvent[] {
  const oldestKept = now - retentionDays * DAY_MS;
  return log.filter((entry) => Date.parse(entry.at) >= oldestKept);
}

import browser from 'webextension-polyfill';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { appendAuditEvent, pruneAuditLog } from '../core/audit/auditLog.ts';
import { STORAGE_KEYS } from '../core/storage/storageKeys.ts';

const AUDIT_LOG_KEY = STORAGE_KEYS.local.auditLog;

/** Writes are chained so two events arriving together cannot overwrite each other. */
let pending: Promise<void> = Promise.resolve();

async function readLog(): Promise<AuditEvent[]> {
  const stored = await browser.storage.local.get(AUDIT_LOG_KEY);
  return Array.isArray(stored[AUDIT_LOG_KEY]) ? (stored[AUDIT_LOG_KEY] as AuditEvent[]) : [];
}

/** Appends an event, dropping what is older than the policy's `audit.retentionDays`. */
export function storeAuditEvent(event: AuditEvent, retentionDays: number): Promise<void> {
  pending = pending.then(async () => {
    await browser.storage.local.set({ [AUDIT_LOG_KEY]: appendAuditEvent(await readLog(), event, Date.now(), retentionDays) });
  });
  return pending;
}

/** Drops what is past retention even when nothing new is recorded (run by the `audit.prune` alarm). */
export function pruneStoredAuditLog(retentionDays: number): Promise<void> {
  pending = pending.then(async () => {
    const log = await readLog();
    const kept = pruneAuditLog(log, Date.now(), retentionDays);
    if (kept.length !== log.length) await browser.storage.local.set({ [AUDIT_LOG_KEY]: kept });
  });
  return pending;
}

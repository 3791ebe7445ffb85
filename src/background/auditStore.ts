import browser from 'webextension-polyfill';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { appendAuditEvent } from '../core/audit/auditLog.ts';
import { STORAGE_KEYS } from '../core/storage/storageKeys.ts';

const AUDIT_LOG_KEY = STORAGE_KEYS.local.auditLog;

/** Writes are chained so two events arriving together cannot overwrite each other. */
let pending: Promise<void> = Promise.resolve();

export function storeAuditEvent(event: AuditEvent): Promise<void> {
  pending = pending.then(async () => {
    const stored = await browser.storage.local.get(AUDIT_LOG_KEY);
    const log = Array.isArray(stored[AUDIT_LOG_KEY]) ? (stored[AUDIT_LOG_KEY] as AuditEvent[]) : [];
    await browser.storage.local.set({ [AUDIT_LOG_KEY]: appendAuditEvent(log, event, Date.now()) });
  });
  return pending;
}

export async function readAuditLog(): Promise<AuditEvent[]> {
  const stored = await browser.storage.local.get(AUDIT_LOG_KEY);
  return Array.isArray(stored[AUDIT_LOG_KEY]) ? (stored[AUDIT_LOG_KEY] as AuditEvent[]) : [];
}

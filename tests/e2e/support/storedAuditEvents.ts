import { outboxFromStorage } from '../../../src/core/audit/outbox/outboxStorageKeys.ts';

export interface StoredAuditEvent {
  type: string;
  at: string;
  details: Record<string, unknown>;
}

/** The audit events the worker keeps, oldest first, from a dump of `chrome.storage.local`. */
export function storedAuditEvents(local: unknown): StoredAuditEvent[] {
  if (typeof local !== 'object' || local === null) return [];
  return outboxFromStorage(local as Record<string, unknown>).entries.map((entry) => entry.event as StoredAuditEvent);
}

/** The IDs of the kept audit events, oldest first. */
export function storedAuditIds(local: unknown): string[] {
  if (typeof local !== 'object' || local === null) return [];
  return outboxFromStorage(local as Record<string, unknown>).entries.map((entry) => entry.id);
}

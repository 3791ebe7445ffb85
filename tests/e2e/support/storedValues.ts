import { outboxFromStorage } from '../../../src/core/audit/outbox/outboxStorageKeys.ts';
import { STORAGE_KEYS } from '../../../src/core/storage/storageKeys.ts';

/** An audit event as the worker stored it. */
export interface StoredAuditEvent {
  type: string;
  at?: string;
  deployment?: string;
  details: Record<string, unknown>;
}

interface StorageDump {
  local: unknown;
  session?: unknown;
  sync?: unknown;
}

function valueIn(area: unknown, key: string): unknown {
  return typeof area === 'object' && area !== null ? (area as Record<string, unknown>)[key] : undefined;
}

function localArea(dump: StorageDump): Record<string, unknown> {
  return typeof dump.local === 'object' && dump.local !== null ? (dump.local as Record<string, unknown>) : {};
}

/** The audit events the worker keeps (its outbox), oldest first, read through the core's own reader. */
export function storedAuditLog(dump: StorageDump): StoredAuditEvent[] {
  return outboxFromStorage(localArea(dump)).entries.map((entry) => entry.event as StoredAuditEvent);
}

/** The IDs of the kept audit events, oldest first. */
export function storedAuditIds(dump: StorageDump): string[] {
  return outboxFromStorage(localArea(dump)).entries.map((entry) => entry.id);
}

/** The local settings in a storage dump. */
export function storedLocalPolicy(dump: StorageDump): unknown {
  return valueIn(dump.local, STORAGE_KEYS.local.localPolicy);
}

import { STORAGE_KEYS } from '../../../src/core/storage/storageKeys.ts';

/** An audit event as the worker stored it. */
export interface StoredAuditEvent {
  type: string;
  at?: string;
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

/** The audit log in a storage dump (keys come from the registry, never spelled in a test). */
export function storedAuditLog(dump: StorageDump): StoredAuditEvent[] {
  const log = valueIn(dump.local, STORAGE_KEYS.local.auditLog);
  return Array.isArray(log) ? (log as StoredAuditEvent[]) : [];
}

/** The local settings in a storage dump. */
export function storedLocalPolicy(dump: StorageDump): unknown {
  return valueIn(dump.local, STORAGE_KEYS.local.localPolicy);
}

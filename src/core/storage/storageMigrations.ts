import type { AuditEvent } from '../audit/AuditEvent.ts';
import { appendEvents } from '../audit/outbox/appendEvents.ts';
import { emptyOutboxMeta, segmentOf } from '../audit/outbox/Outbox.ts';
import { metaFromStorage, outboxSegmentKey, segmentFromStorage } from '../audit/outbox/outboxStorageKeys.ts';
import { DEFAULT_AUDIT_MAX_EVENTS, DEFAULT_AUDIT_RETENTION_DAYS } from '../policy/policyDefaults.ts';
import { STORAGE_KEYS, STORAGE_VERSION, VERSION_0_KEYS, VERSION_1_KEYS, type StorageArea } from './storageKeys.ts';

/** What a migration does to one area: values to write and keys to remove, computed from what is there. */
interface StorageChanges {
  set: Record<string, unknown>;
  remove: string[];
}

export interface StorageMigration {
  /** The version this migration produces (it runs on data of version `to - 1`). */
  to: number;
  area: StorageArea;
  plan(stored: Readonly<Record<string, unknown>>, now: number): StorageChanges;
}

export const STORAGE_MIGRATIONS: readonly StorageMigration[] = [
  {
    to: 1,
    area: 'local',
    plan: (stored) => renameKeys(stored, { [VERSION_0_KEYS.localPolicy]: STORAGE_KEYS.local.localPolicy, [VERSION_0_KEYS.auditLog]: VERSION_1_KEYS.auditLog }),
  },
  { to: 2, area: 'local', plan: auditLogIntoOutbox },
];

/** The migrations still to run for data of `storedVersion`, in order. */
export function pendingMigrations(storedVersion: number): StorageMigration[] {
  return STORAGE_MIGRATIONS.filter((migration) => migration.to > storedVersion && migration.to <= STORAGE_VERSION).sort((a, b) => a.to - b.to);
}

function renameKeys(stored: Readonly<Record<string, unknown>>, renames: Readonly<Record<string, string>>): StorageChanges {
  const changes: StorageChanges = { set: {}, remove: [] };
  for (const [from, to] of Object.entries(renames)) {
    if (!Object.hasOwn(stored, from)) continue;
    // A value already under the new key is newer than the old one: keep it.
    if (!Object.hasOwn(stored, to)) changes.set[to] = stored[from];
    changes.remove.push(from);
  }
  return changes;
}

function isStoredEvent(value: unknown): value is AuditEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return typeof event.type === 'string' && typeof event.at === 'string' && typeof event.details === 'object' && event.details !== null;
}

/**
 * Version 1's audit log (one array) becomes the outbox: every event kept, oldest first, not yet
 * delivered — an endpoint in the policy receives them, nothing recorded before the upgrade is lost.
 * Events already in an outbox (none, unless a newer build ran first) stay ahead of them.
 */
function auditLogIntoOutbox(stored: Readonly<Record<string, unknown>>, now: number): StorageChanges {
  const log = stored[VERSION_1_KEYS.auditLog];
  if (log === undefined) return { set: {}, remove: [] };
  const events = Array.isArray(log) ? log.filter(isStoredEvent) : [];
  if (events.length === 0) return { set: {}, remove: [VERSION_1_KEYS.auditLog] };
  const meta = metaFromStorage(stored[STORAGE_KEYS.local.auditOutbox]);
  const fresh = meta.nextSequence === emptyOutboxMeta().nextSequence;
  const tail = fresh ? [] : segmentFromStorage(stored[outboxSegmentKey(segmentOf(meta.nextSequence - 1))]);
  const change = appendEvents(meta, tail, events, {
    now,
    limits: { maxEvents: DEFAULT_AUDIT_MAX_EVENTS, retentionDays: DEFAULT_AUDIT_RETENTION_DAYS },
    exporting: false,
    newId: () => crypto.randomUUID(),
  });
  const set: Record<string, unknown> = { [STORAGE_KEYS.local.auditOutbox]: change.meta };
  change.writes.forEach((entries, segment) => (set[outboxSegmentKey(segment)] = entries));
  return { set, remove: [VERSION_1_KEYS.auditLog, ...change.removes.map(outboxSegmentKey)] };
}

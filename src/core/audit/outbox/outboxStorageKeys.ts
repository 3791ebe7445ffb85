import { STORAGE_KEYS } from '../../storage/storageKeys.ts';
import type { OutboxEntry, OutboxMeta } from './Outbox.ts';
import { emptyOutboxMeta, keptSegments } from './Outbox.ts';

/** `chrome.storage.local` keys of the audit outbox (from the registry): its index, and one key per segment of events. */
export const OUTBOX_META_KEY = STORAGE_KEYS.local.auditOutbox;
export const INSTALLATION_ID_KEY = STORAGE_KEYS.local.auditInstallationId;

export function outboxSegmentKey(segment: number): string {
  return `${STORAGE_KEYS.local.auditOutboxSegmentPrefix}${String(segment)}`;
}

function isMeta(value: unknown): value is OutboxMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Record<string, unknown>;
  return (
    meta.version === 1 &&
    typeof meta.nextSequence === 'number' &&
    typeof meta.firstSequence === 'number' &&
    typeof meta.settledThrough === 'number' &&
    Array.isArray(meta.drops)
  );
}

export function metaFromStorage(value: unknown): OutboxMeta {
  return isMeta(value) ? value : emptyOutboxMeta();
}

export function segmentFromStorage(value: unknown): OutboxEntry[] {
  return Array.isArray(value) ? (value as OutboxEntry[]) : [];
}

/** Every kept entry, oldest first, from a dump of `chrome.storage.local` (preview, tests, the audit view). */
export function outboxFromStorage(local: Readonly<Record<string, unknown>>): { meta: OutboxMeta; entries: OutboxEntry[] } {
  const meta = metaFromStorage(local[OUTBOX_META_KEY]);
  const entries = keptSegments(meta)
    .flatMap((segment) => segmentFromStorage(local[outboxSegmentKey(segment)]))
    .filter((entry) => entry.sequence >= meta.firstSequence && entry.sequence < meta.nextSequence);
  return { meta, entries };
}

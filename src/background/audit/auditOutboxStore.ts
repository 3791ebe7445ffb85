import type { AuditEvent } from '../../core/audit/AuditEvent.ts';
import { appendEvents } from '../../core/audit/outbox/appendEvents.ts';
import { segmentOf, type OutboxChange, type OutboxEntry, type OutboxLimits, type OutboxMeta } from '../../core/audit/outbox/Outbox.ts';
import { metaFromStorage, OUTBOX_META_KEY, outboxSegmentKey, segmentFromStorage } from '../../core/audit/outbox/outboxStorageKeys.ts';

export interface OutboxSettings {
  limits: OutboxLimits;
  exporting: boolean;
}

/**
 * The outbox in `chrome.storage.local`. Every operation runs one at a time (a promise chain), and
 * each change is one `storage.local.set` of the index plus the segments it touched, so a worker
 * stopped at any moment leaves either the old or the new state. Events that arrive while a write
 * is running are written together by the next one (group commit).
 */
export function createAuditOutboxStore(settings: () => OutboxSettings) {
  let chain: Promise<unknown> = Promise.resolve();
  let pending: AuditEvent[] = [];

  const exclusive = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = chain.then(operation, operation);
    chain = run.catch(() => undefined);
    return run;
  };

  const readMeta = async (): Promise<OutboxMeta> => metaFromStorage((await chrome.storage.local.get(OUTBOX_META_KEY))[OUTBOX_META_KEY]);

  const readSegments = async (segments: readonly number[]): Promise<OutboxEntry[][]> => {
    if (segments.length === 0) return [];
    const keys = segments.map(outboxSegmentKey);
    const stored = await chrome.storage.local.get(keys);
    return keys.map((key) => segmentFromStorage(stored[key]));
  };

  const apply = async (change: OutboxChange): Promise<void> => {
    const items: Record<string, unknown> = { [OUTBOX_META_KEY]: change.meta };
    change.writes.forEach((entries, segment) => (items[outboxSegmentKey(segment)] = entries));
    await chrome.storage.local.set(items);
    if (change.removes.length > 0) await chrome.storage.local.remove(change.removes.map(outboxSegmentKey));
  };

  const appendNow = async (events: readonly AuditEvent[]): Promise<OutboxMeta> => {
    const meta = await readMeta();
    const [tail = []] = await readSegments([segmentOf(Math.max(meta.nextSequence - 1, 1))]);
    const { limits, exporting } = settings();
    const change = appendEvents(meta, tail, events, { now: Date.now(), limits, exporting, newId: () => crypto.randomUUID() });
    await apply(change);
    return change.meta;
  };

  return {
    /** Resolves once the event is in storage. */
    append(event: AuditEvent): Promise<void> {
      pending.push(event);
      return exclusive(async () => {
        if (pending.length === 0) return;
        const batch = pending;
        pending = [];
        await appendNow(batch);
      });
    },
    /** Runs `operation` with the stored index, alone; it returns the new index and segment changes, if any. */
    update<T>(operation: (meta: OutboxMeta, read: typeof readSegments) => Promise<{ change: OutboxChange | null; result: T }>): Promise<T> {
      return exclusive(async () => {
        const { change, result } = await operation(await readMeta(), readSegments);
        if (change !== null) await apply(change);
        return result;
      });
    },
    /** Appends events produced by an operation (drop reports) in the same order as everything else. */
    appendNow: (events: readonly AuditEvent[]) => exclusive(() => appendNow(events)),
    readMeta: () => exclusive(readMeta),
    readSegments,
  };
}

export type AuditOutboxStore = ReturnType<typeof createAuditOutboxStore>;

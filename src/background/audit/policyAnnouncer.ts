import type { AuditEvent } from '../../core/audit/AuditEvent.ts';
import { announcedPolicyFromStorage, announcePolicy } from '../../core/audit/policyAnnouncement.ts';
import type { PolicyState } from '../../core/config/PolicyState.ts';
import { STORAGE_KEYS } from '../../core/storage/storageKeys.ts';

/** The part of `chrome.storage.local` the announcer needs (a fake in unit tests). */
export interface LocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const ANNOUNCED_KEY = STORAGE_KEYS.local.announcedPolicy;

/**
 * Records `policy.loaded` / `policy.changed` for verdicts that are news (see `announcePolicy`).
 * What was announced lives in local storage, not in memory: a woken worker and a restarted
 * browser compare against it instead of announcing the same policy again. Verdicts are handled
 * one at a time, in order, so two quick changes cannot both compare against the same record.
 */
export function createPolicyAnnouncer(local: LocalArea, audit: (event: AuditEvent) => Promise<void> | void, now: () => number = Date.now) {
  let queue: Promise<void> = Promise.resolve();

  const handle = async (state: PolicyState): Promise<void> => {
    const stored = (await local.get([ANNOUNCED_KEY]))[ANNOUNCED_KEY];
    const { event, keep } = announcePolicy(announcedPolicyFromStorage(stored), state, now());
    // Recorded before the announcement is stored: a worker stopped in between announces it again at the next wake (at least once, never lost).
    if (event !== null) await audit(event);
    if (keep === null) await local.remove([ANNOUNCED_KEY]);
    else if (keep !== 'as-is') await local.set({ [ANNOUNCED_KEY]: keep });
  };

  return {
    announce(state: PolicyState): Promise<void> {
      queue = queue.then(
        () => handle(state),
        () => handle(state),
      );
      return queue;
    },
  };
}

import type { AuditEvent } from '../../core/audit/AuditEvent.ts';
import { incidentKeyOf } from '../../core/audit/incidentKey.ts';
import { firstSighting, readRecordedIncidents, type RecordedIncidents } from '../../core/audit/recordedIncidents.ts';
import { STORAGE_KEYS } from '../../core/storage/storageKeys.ts';
import type { SessionArea } from './deskSignInRegistry.ts';

const RECORDED_KEY = STORAGE_KEYS.session.recordedIncidents;

/**
 * Records each per-contact incident once, whichever desk reports it and however often: the side
 * panel and the tab both mask the same contact, and a reloaded desk reports its contacts again.
 * Checks run one at a time (two desks report the same incident within milliseconds). The
 * remembered keys live in session storage, so a stopped and woken worker still knows them; they
 * are read once per worker life and written after each new incident is in the outbox — a worker
 * stopped in between records the incident again rather than losing it.
 */
export function createIncidentOnce(session: SessionArea, record: (event: AuditEvent) => Promise<void>): (event: AuditEvent) => Promise<void> {
  let chain: Promise<unknown> = Promise.resolve();
  let known: RecordedIncidents | null = null;
  return (event) => {
    // Everything else goes straight to the outbox, concurrently (its group commit relies on that).
    if (incidentKeyOf(event) === null) return record(event);
    const run = chain.then(async () => {
      known ??= readRecordedIncidents((await session.get([RECORDED_KEY]))[RECORDED_KEY]);
      const { record: isNew, recorded } = firstSighting(known, event, Date.now());
      if (!isNew) return;
      await record(event);
      known = recorded;
      await session.set({ [RECORDED_KEY]: recorded });
    });
    chain = run.catch(() => undefined);
    return run;
  };
}

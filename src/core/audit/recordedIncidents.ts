import type { AuditEvent } from './AuditEvent.ts';
import { incidentKeyOf } from './incidentKey.ts';

/** Incident keys already recorded, oldest first, with when (epoch ms). */
export type RecordedIncidents = Array<[key: string, at: number]>;

/** Enough for a long shift of busy desks; the oldest are forgotten first (an old contact is not shown again). */
export const MAX_RECORDED_INCIDENTS = 5_000;

/**
 * Splits what a page sent into what to record: an incident already recorded (same contact, same
 * incident) is skipped, everything else passes. Returns the remembered keys with the new ones.
 */
export function firstSighting(recorded: RecordedIncidents, event: AuditEvent, now: number): { record: boolean; recorded: RecordedIncidents } {
  const key = incidentKeyOf(event);
  if (key === null) return { record: true, recorded };
  if (recorded.some(([seen]) => seen === key)) return { record: false, recorded };
  const next: RecordedIncidents = [...recorded, [key, now]];
  return { record: true, recorded: next.length > MAX_RECORDED_INCIDENTS ? next.slice(next.length - MAX_RECORDED_INCIDENTS) : next };
}

/** Session storage may hold anything an extension page wrote: keep only well-formed entries. */
export function readRecordedIncidents(value: unknown): RecordedIncidents {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry: unknown): entry is [string, number] => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'number',
  );
}

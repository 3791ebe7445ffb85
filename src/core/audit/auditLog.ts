import type { AuditEvent } from './AuditEvent.ts';

export const AUDIT_LOG_MAX_ENTRIES = 2_000;
export const DEFAULT_AUDIT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** Appends an event and drops what is past retention or beyond the size cap, oldest first. */
export function appendAuditEvent(log: readonly AuditEvent[], event: AuditEvent, now: number, retentionDays = DEFAULT_AUDIT_RETENTION_DAYS): AuditEvent[] {
  const oldestKept = now - retentionDays * DAY_MS;
  const kept = log.filter((entry) => Date.parse(entry.at) >= oldestKept);
  kept.push(event);
  return kept.slice(-AUDIT_LOG_MAX_ENTRIES);
}

const EVENT_TYPES: ReadonlySet<string> = new Set<AuditEvent['type']>([
  'policy.invalid',
  'policy.applied',
  'ccp.unreachable',
  'ccp.recovered',
  'ccp.origin_violation',
  'masking.failed_closed',
  'masking.reveal',
  'origin.blocked',
  'ivr.plaintext_incident',
  'ivr.flow_problem',
  'caller.denyListed',
  'caller.repeat',
]);

/** Messages are checked before they are stored: only well-formed audit events get in. */
export function isAuditEvent(value: unknown): value is AuditEvent {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.type !== 'string' || !EVENT_TYPES.has(candidate.type)) return false;
  if (typeof candidate.at !== 'string' || Number.isNaN(Date.parse(candidate.at))) return false;
  if (typeof candidate.details !== 'object' || candidate.details === null || Array.isArray(candidate.details)) return false;
  return Object.values(candidate.details).every(
    (detail) =>
      typeof detail === 'string' ||
      typeof detail === 'number' ||
      typeof detail === 'boolean' ||
      (Array.isArray(detail) && detail.every((item) => typeof item === 'string')),
  );
}

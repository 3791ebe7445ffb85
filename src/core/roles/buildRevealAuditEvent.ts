import type { AuditEventOf } from '../audit/AuditEvent.ts';
import { buildAuditEvent } from '../audit/buildAuditEvent.ts';
import type { SensitiveKind } from '../policy/Policy.ts';

/** What a reveal is recorded with. There is no field for the value: the type itself keeps it out. */
export interface RevealRecord {
  /** The supervisor's username. */
  who: string;
  contactId: string;
  attributeName: string;
  kind: SensitiveKind;
  /** The reason the supervisor typed. */
  reason: string;
  at: Date | number;
}

/**
 * The `masking.reveal` audit event. Copies only the named fields (extra properties on the input
 * are ignored, so a caller passing an object that also holds the value cannot leak it); the
 * catalogue caps the free-text reason and masks any sensitive value a supervisor pasted into it.
 */
export function buildRevealAuditEvent(record: RevealRecord): AuditEventOf<'masking.reveal'> {
  return buildAuditEvent(
    'masking.reveal',
    { who: record.who, contactId: record.contactId, attributeName: record.attributeName, kind: record.kind, reason: record.reason },
    record.at,
  );
}

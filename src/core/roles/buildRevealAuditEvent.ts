import type { AuditEvent } from '../audit/AuditEvent.ts';
import { createMaskingEngine } from '../masking/createMaskingEngine.ts';
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

const MAX_REASON = 500;

// A supervisor may paste the very value into the reason box; it is masked with the built-in detectors.
const reasonMasker = createMaskingEngine(undefined);

/**
 * The `masking.reveal` audit event. Copies only the named fields (extra properties on the input
 * are ignored, so a caller passing an object that also holds the value cannot leak it), and
 * masks any sensitive value inside the free-text reason.
 */
export function buildRevealAuditEvent(record: RevealRecord): AuditEvent {
  const reason = reasonMasker.maskText(record.reason.slice(0, MAX_REASON), 'revealReason').display;
  return {
    type: 'masking.reveal',
    at: new Date(record.at).toISOString(),
    details: {
      who: record.who,
      contactId: record.contactId,
      attributeName: record.attributeName,
      kind: record.kind,
      reason,
    },
  };
}

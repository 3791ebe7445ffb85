import type { AuditEventOf } from '../audit/AuditEvent.ts';
import { buildAuditEvent } from '../audit/buildAuditEvent.ts';
import type { SensitiveKind } from '../policy/Policy.ts';

/** What a reveal is recorded with. There is no field for the value: the type itself keeps it out. */
export interface RevealRecord {
  /** The supervisor's username. */
  who: string;
  contactId: string;
  /** The attribute's name as the supervisor saw it (names are masked like values). */
  attributeName: string;
  /** The kind the supervisor asked to reveal. */
  kind: SensitiveKind;
  /** The kinds the reveal actually showed: the asked kind, or none when the value held no finding of it. */
  shownKinds: readonly SensitiveKind[];
  /** The reason the supervisor typed. */
  reason: string;
  at: Date | number;
}

/** Masks free text with the policy's engine (its detectors, custom patterns and default country). */
export type MaskReason = (text: string) => string;

const MAX_REASON = 500;

/**
 * The `masking.reveal` audit event. Copies only the named fields (extra properties on the input
 * are ignored, so a caller passing an object that also holds the value cannot leak it), and masks
 * the free-text reason with the policy's own engine first: a supervisor may type the very value
 * there, or a member ID that only the policy's patterns know (the catalogue's built-in masking
 * alone would miss it).
 */
export function buildRevealAuditEvent(record: RevealRecord, maskReason: MaskReason): AuditEventOf<'masking.reveal'> {
  return buildAuditEvent(
    'masking.reveal',
    {
      who: record.who,
      contactId: record.contactId,
      attributeName: record.attributeName,
      kind: record.kind,
      kinds: [...record.shownKinds],
      reason: maskReason(record.reason.slice(0, MAX_REASON)),
    },
    record.at,
  );
}

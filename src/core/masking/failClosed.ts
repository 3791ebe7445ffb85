import type { AuditEventOf } from '../audit/AuditEvent.ts';
import { buildAuditEvent } from '../audit/buildAuditEvent.ts';

/** Why a value was hidden without being classified. */
export type FailClosedReason = 'not_a_string' | 'too_long' | 'detector_error';

/**
 * The audit record of a fail-closed decision: the attribute's name, the reason and, for a
 * detector error, which detector — never the value, and never the error's message (a library
 * may quote its input there).
 */
export function buildFailClosedEvent(attributeName: string, reason: FailClosedReason, at: Date, detector?: string): AuditEventOf<'masking.failed_closed'> {
  return buildAuditEvent('masking.failed_closed', detector === undefined ? { attributeName, reason } : { attributeName, reason, detector }, at);
}

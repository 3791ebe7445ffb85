import type { AuditEvent } from '../audit/AuditEvent.ts';

/** Why a value was hidden without being classified. */
export type FailClosedReason = 'not_a_string' | 'too_long' | 'detector_error';

/**
 * The audit record of a fail-closed decision: the attribute's name, the reason and, for a
 * detector error, which detector — never the value, and never the error's message (a library
 * may quote its input there).
 */
export function buildFailClosedEvent(attributeName: string, reason: FailClosedReason, at: Date, detector?: string): AuditEvent {
  const details: AuditEvent['details'] = { attributeName, reason };
  if (detector !== undefined) details.detector = detector;
  return { type: 'masking.failed_closed', at: at.toISOString(), details };
}

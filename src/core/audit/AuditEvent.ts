/**
 * Audit events leave the browser. By construction they carry names, kinds, ids and reasons —
 * never an attribute value, a chat message or a caller number.
 */
export type AuditEventType =
  | 'policy.invalid'
  | 'policy.applied'
  | 'ccp.unreachable'
  | 'ccp.recovered'
  | 'ccp.origin_violation'
  | 'masking.failed_closed'
  | 'masking.reveal'
  | 'origin.blocked'
  | 'ivr.plaintext_incident'
  | 'ivr.flow_problem'
  | 'caller.denyListed'
  | 'caller.repeat';

export interface AuditEvent {
  type: AuditEventType;
  /** ISO-8601 time the event was built. */
  at: string;
  /** Small, value-free details: ids, attribute names, kinds, origins, counts, reasons. */
  details: Record<string, string | number | boolean | string[]>;
}

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
  /** Sensitive authentication data (CVV, PIN, one-time code, password) in an attribute or a message: never shown, an incident. */
  | 'masking.sensitive_auth_data';

export interface AuditEvent {
  type: AuditEventType;
  /** ISO-8601 time the event was built. */
  at: string;
  /** Small, value-free details: ids, attribute names, kinds, origins, counts, reasons. */
  details: Record<string, string | number | boolean | string[]>;
}

import type { AuditEvent } from '../core/audit/AuditEvent.ts';

/** An audit event stamped now; details never carry values (see AuditEvent). */
export function auditEvent(type: AuditEvent['type'], details: AuditEvent['details']): AuditEvent {
  return { type, at: new Date().toISOString(), details };
}

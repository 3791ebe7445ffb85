import type { AuditEvent } from './AuditEvent.ts';

/**
 * Incidents are facts about one contact: however many desks show the contact (side panel and
 * tab) and however often it is drawn again (a reload, a new snapshot), each is one event. Actions
 * (a reveal), policy and network events are not incidents: each occurrence counts.
 */
const INCIDENT_TYPES: ReadonlySet<AuditEvent['type']> = new Set([
  'masking.failed_closed',
  'masking.sensitive_auth_data',
  'ivr.plaintext_incident',
  'ivr.flow_problem',
  'caller.denyListed',
  'caller.repeat',
]);

/**
 * What makes an incident the same incident: its type, its contact and its value-free details
 * (attribute, field, kind, reason), in a fixed order. Null for an event that is not a per-contact
 * incident, or that names no contact (it cannot be told apart from another contact's).
 */
export function incidentKeyOf(event: AuditEvent): string | null {
  if (!INCIDENT_TYPES.has(event.type)) return null;
  const details = event.details as Record<string, unknown>;
  const contactId = details.contactId;
  if (typeof contactId !== 'string' || contactId === '') return null;
  const rest = Object.keys(details)
    .filter((name) => name !== 'contactId')
    .sort()
    .map((name) => [name, details[name]]);
  return JSON.stringify([event.type, contactId, rest]);
}

/** A masking event of a contact's attribute names that contact, so that it can be recognised when seen again. */
export function withContactId(event: AuditEvent, contactId: string): AuditEvent {
  if (event.type !== 'masking.failed_closed' && event.type !== 'masking.sensitive_auth_data') return event;
  if (event.details.contactId !== undefined) return event;
  return { ...event, details: { contactId, ...event.details } } as AuditEvent;
}

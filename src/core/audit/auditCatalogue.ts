import { SENSITIVE_KINDS } from '../policy/policyVocabulary.ts';
import { field, type AuditField } from './auditFields.ts';

/** OpenTelemetry severities used by the product (SeverityNumber INFO = 9, WARN = 13, ERROR = 17). */
export type AuditSeverity = 'info' | 'warn' | 'error';

export interface AuditEventSpec {
  severity: AuditSeverity;
  /** One sentence for the README and SIEM authors: when the event is recorded. */
  description: string;
  fields: Readonly<Record<string, AuditField>>;
}

/**
 * Every audit event the product records. The key is the event's stable name: SIEM queries rely
 * on it, so an entry is never renamed or given a different meaning — add a new one instead.
 * Adding an event type is one entry here; the builder, the page→worker validation, the OTLP
 * encoding and the canary test all follow from it.
 */
export const AUDIT_CATALOGUE = {
  'policy.loaded': {
    severity: 'info',
    description:
      'A valid policy is in force for the first time on this installation, or again after one was refused; the same policy seen again (a woken worker, a browser restart) records nothing.',
    fields: { source: field.oneOf(['organization', 'local', 'evaluation']) },
  },
  'policy.changed': {
    severity: 'info',
    description:
      'A different valid policy replaced the one last announced (live, or found at start-up); sections names the top-level policy sections whose settings changed.',
    fields: { source: field.oneOf(['organization', 'local', 'evaluation']), sections: field.optional(field.list('name')) },
  },
  'policy.invalid': {
    severity: 'error',
    description: 'The policy was refused; the CCP stays closed. Pointers name the failing settings.',
    fields: { source: field.oneOf(['organization', 'local']), pointers: field.list('pointer') },
  },
  'policy.values_dropped': {
    severity: 'error',
    description: 'The browser delivered the managed policy incompletely (values dropped against managed_schema.json).',
    fields: { pointers: field.list('pointer') },
  },
  'ccp.unreachable': {
    severity: 'warn',
    description: 'The CCP stopped answering (frame not loading, retries exhausted).',
    fields: {},
  },
  'ccp.framing_refused': {
    severity: 'error',
    description: 'The instance refused to be framed by this extension: its approved origins lack it (frame-ancestors), or X-Frame-Options forbids framing.',
    fields: { by: field.oneOf(['frame_ancestors', 'x_frame_options']) },
  },
  'ccp.recovered': {
    severity: 'info',
    description: 'The CCP answers again after being unreachable or signed out.',
    fields: {},
  },
  'ccp.origin_violation': {
    severity: 'error',
    description: 'The CCP frame held a document from another origin; it was torn down.',
    fields: { origin: field.origin },
  },
  'instance.switched': {
    severity: 'info',
    description:
      "The agent made another of the organization's Connect instances this browser's instance (only between contacts); from and to are the CCP origins. Its desks reload onto it.",
    fields: { from: field.origin, to: field.origin },
  },
  'origin.blocked': {
    severity: 'warn',
    description:
      "A request, frame, link or socket to an origin that is not approved was refused (once per origin and kind per minute); kind `chat_markdown_link` is a link in a customer's Markdown, `attachment` a chat attachment URL.",
    fields: { origin: field.origin, kind: field.name, layer: field.oneOf(['dnr', 'csp', 'link']) },
  },
  'masking.failed_closed': {
    severity: 'warn',
    description:
      'A value was hidden without being classified (not a string, too long, or a detector failed); contactId names the contact whose attribute it was.',
    fields: {
      contactId: field.optional(field.id),
      attributeName: field.name,
      reason: field.oneOf(['not_a_string', 'too_long', 'detector_error']),
      detector: field.optional(field.name),
    },
  },
  'masking.reveal': {
    severity: 'warn',
    description:
      'A supervisor revealed one kind in one attribute with a typed reason (the reason is itself masked); kinds lists what the reveal actually showed (the asked kind, or none).',
    fields: {
      who: field.actor,
      contactId: field.id,
      attributeName: field.name,
      kind: field.oneOf(SENSITIVE_KINDS),
      kinds: field.list('name'),
      reason: field.text,
    },
  },
  'masking.sensitive_auth_data': {
    severity: 'error',
    description:
      'Sensitive authentication data (card security code, PIN, one-time code, password) was seen in an attribute or a message and hidden; it is never shown, not even on reveal. source names the attribute or text, kind the sort (securityCode, pin, oneTimeCode, password).',
    fields: { contactId: field.optional(field.id), source: field.name, kind: field.name },
  },
  'ivr.plaintext_incident': {
    severity: 'error',
    description: 'A secure-IVR field held plaintext instead of ciphertext; it was hidden (once per contact and field).',
    fields: { contactId: field.id, field: field.name },
  },
  'caller.denyListed': {
    severity: 'warn',
    description: 'A contact came from a number on the policy deny list; the agent saw the warning before answering (the number is never recorded).',
    fields: { contactId: field.id, channel: field.name },
  },
  'caller.repeat': {
    severity: 'info',
    description: 'A caller contacted more often than the policy count within its window; ordinal says which contact this was (the number is never recorded).',
    fields: { contactId: field.id, channel: field.name, ordinal: field.count, count: field.count, windowMinutes: field.count },
  },
  'ivr.flow_problem': {
    severity: 'warn',
    description:
      'A secure-IVR step reported "captured" but its value attribute held no ciphertext (empty or neither ciphertext nor plaintext): the flow stored nothing (once per contact and field).',
    fields: { contactId: field.id, field: field.name, problem: field.oneOf(['value_missing']) },
  },
  'audit.events_dropped': {
    severity: 'warn',
    description:
      'Events were dropped before delivery: the oldest, to stay within the policy bounds (size, age), or a batch the collector refused as malformed (rejected).',
    fields: { dropped: field.count, reason: field.oneOf(['size', 'age', 'rejected']), firstSequence: field.count, lastSequence: field.count },
  },
} as const satisfies Record<string, AuditEventSpec>;

export type AuditCatalogue = typeof AUDIT_CATALOGUE;
export type AuditEventType = keyof AuditCatalogue;

export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_CATALOGUE) as AuditEventType[];

export function isAuditEventType(value: unknown): value is AuditEventType {
  return typeof value === 'string' && Object.hasOwn(AUDIT_CATALOGUE, value);
}

export function severityOf(type: AuditEventType): AuditSeverity {
  return AUDIT_CATALOGUE[type].severity;
}

import { AUDIT_CATALOGUE, type AuditEventType } from './auditCatalogue.ts';
import type { AuditDetailValue, AuditDetails, AuditEventOf } from './AuditEvent.ts';
import type { AuditField } from './auditFields.ts';
import { sanitizeAuditField } from './sanitizeAuditDetails.ts';

const INVALID = '[invalid]';

/**
 * Builds an event of a catalogued type. Only the declared fields are copied (extra properties on
 * `details` are ignored, so an object that also holds a value cannot leak it) and each is made
 * safe for its kind. The types already rule out a wrong field; should one arrive anyway (a cast),
 * the event is still recorded with that field as `[invalid]` (or 0, false, []) rather than lost.
 */
export function buildAuditEvent<T extends AuditEventType>(type: T, details: AuditDetails<T>, at: Date | number = Date.now()): AuditEventOf<T> {
  const fields: Readonly<Record<string, AuditField>> = AUDIT_CATALOGUE[type].fields;
  const input = details as Readonly<Record<string, unknown>>;
  const safe: Record<string, AuditDetailValue> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const raw = Object.hasOwn(input, name) ? input[name] : undefined;
    const value = raw === undefined ? null : sanitizeAuditField(spec, raw);
    if (value !== null) safe[name] = value;
    else if (spec.optional !== true) safe[name] = placeholderFor(spec);
  }
  return { type, at: new Date(at).toISOString(), details: safe as AuditDetails<T> };
}

function placeholderFor(spec: AuditField): AuditDetailValue {
  if (spec.kind === 'count') return 0;
  if (spec.kind === 'flag') return false;
  if (spec.kind === 'list') return [];
  return INVALID;
}

import type { AuditDetailValue } from './AuditEvent.ts';
import { AUDIT_FIELD_LENGTH, MAX_AUDIT_COUNT, MAX_AUDIT_LIST_ITEMS, type AuditField } from './auditFields.ts';
import { maskAuditText } from './maskAuditText.ts';

function cap(text: string, kind: keyof typeof AUDIT_FIELD_LENGTH): string {
  return text.slice(0, AUDIT_FIELD_LENGTH[kind]);
}

function originOf(text: string): string | null {
  try {
    const origin = new URL(text).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** One string made safe for its kind; null when it cannot be (a malformed origin). */
function safeString(kind: 'id' | 'actor' | 'name' | 'pointer' | 'text' | 'origin', value: string): string | null {
  if (kind === 'origin') {
    const origin = originOf(value);
    // A host name can hold digits too: masked like any other string.
    return origin === null ? null : maskAuditText('origin', cap(origin, 'origin'));
  }
  // By shape, stricter than the masking engine (see maskAuditText.ts), which the worker does not load.
  return maskAuditText(kind, cap(value, kind));
}

/** One detail value made safe for its field; null when it does not fit the field at all. */
export function sanitizeAuditField(spec: AuditField, value: unknown): AuditDetailValue | null {
  switch (spec.kind) {
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? Math.min(value, MAX_AUDIT_COUNT) : null;
    case 'flag':
      return typeof value === 'boolean' ? value : null;
    case 'oneOf':
      return typeof value === 'string' && spec.values.includes(value) ? value : null;
    case 'list': {
      if (!Array.isArray(value)) return null;
      const items: string[] = [];
      for (const item of value.slice(0, MAX_AUDIT_LIST_ITEMS)) {
        const safe = typeof item === 'string' ? safeString(spec.of, item) : null;
        if (safe !== null) items.push(safe);
      }
      return items;
    }
    default:
      return typeof value === 'string' ? safeString(spec.kind, value) : null;
  }
}

/**
 * Copies only the fields the catalogue declares, each made safe for its kind. Returns null when a
 * required field is missing or of the wrong type (an event from a page that does not fit its type
 * is refused, not repaired); a malformed optional field is left out.
 */
export function sanitizeAuditDetails(fields: Readonly<Record<string, AuditField>>, input: unknown): Record<string, AuditDetailValue> | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const source = input as Record<string, unknown>;
  const details: Record<string, AuditDetailValue> = {};
  for (const [name, fieldSpec] of Object.entries(fields)) {
    const raw = Object.hasOwn(source, name) ? source[name] : undefined;
    if (raw === undefined) {
      if (fieldSpec.optional === true) continue;
      return null;
    }
    const safe = sanitizeAuditField(fieldSpec, raw);
    if (safe === null) {
      if (fieldSpec.optional === true) continue;
      return null;
    }
    details[name] = safe;
  }
  return details;
}

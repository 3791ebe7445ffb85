import { AUDIT_CATALOGUE, isAuditEventType } from './auditCatalogue.ts';
import type { AuditEvent } from './AuditEvent.ts';
import { sanitizeAuditDetails } from './sanitizeAuditDetails.ts';

/**
 * An event received from a page (or read back from storage), rebuilt through the catalogue: an
 * unknown type, a bad time or details that do not fit the type are refused; extra details are
 * dropped and every kept value is made safe again, so a compromised page gains nothing by
 * sending a hand-made event.
 */
export function parseAuditEvent(value: unknown): AuditEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Record<string, unknown>;
  if (!isAuditEventType(candidate.type)) return null;
  if (typeof candidate.at !== 'string') return null;
  const time = Date.parse(candidate.at);
  if (Number.isNaN(time)) return null;
  const details = sanitizeAuditDetails(AUDIT_CATALOGUE[candidate.type].fields, candidate.details);
  if (details === null) return null;
  return { type: candidate.type, at: new Date(time).toISOString(), details } as AuditEvent;
}

import type { AuditCatalogue, AuditEventType } from './auditCatalogue.ts';
import type { DetailsOf } from './auditFields.ts';

/** The details an event of `T` carries, typed from its catalogue entry. */
export type AuditDetails<T extends AuditEventType> = DetailsOf<AuditCatalogue[T]['fields']>;

/** One audit event of type `T`. Build it with `buildAuditEvent`, never by hand. */
export interface AuditEventOf<T extends AuditEventType> {
  type: T;
  /** ISO-8601 time the event was built. */
  at: string;
  /** Small, value-free details as the catalogue declares them: ids, names, kinds, origins, counts, reasons. */
  details: AuditDetails<T>;
  /** Set by the worker on every event recorded in evaluation mode (hand-installed, no managed policy): nothing on such a browser is protected. */
  deployment?: 'evaluation';
}

/**
 * Audit events leave the browser. By construction they carry names, kinds, ids and reasons —
 * never an attribute value, a chat message or a caller number.
 */
export type AuditEvent = { [T in AuditEventType]: AuditEventOf<T> }[AuditEventType];

/** A detail value as stored and sent. */
export type AuditDetailValue = string | number | boolean | string[];

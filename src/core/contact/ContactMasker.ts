import type { AuditEvent } from '../audit/AuditEvent.ts';
import type { AttributeView } from './ContactView.ts';

/** The part of the masking engine the contact view needs. */
export interface ContactMasker {
  maskAttributes(attributes: Record<string, unknown>): { attributes: AttributeView[]; auditEvents: AuditEvent[] };
  maskText(text: string): { display: string };
}

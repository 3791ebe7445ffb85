import type { AuditEvent } from '../audit/AuditEvent.ts';
import type { ContactMasker } from './ContactMasker.ts';
import type { AttributeView, ContactView } from './ContactView.ts';
import type { RawContact } from './RawContact.ts';
import { contactChannel, contactPhase } from './contactPhase.ts';

const CALLER_FIELD = 'caller';

/** Turns a raw contact into display strings. Nothing raw survives into the result. */
export function buildContactView(
  raw: RawContact,
  masker: ContactMasker,
  now: number,
): { view: ContactView; auditEvents: AuditEvent[] } {
  const masked = raw.attributes === null ? null : masker.maskAttributes(raw.attributes);
  const callerMasked = raw.callerNumber === null ? null : masker.maskAttributes({ [CALLER_FIELD]: raw.callerNumber });
  const caller: AttributeView | null = callerMasked?.attributes[0] ?? null;
  return {
    view: {
      contactId: raw.contactId,
      channel: contactChannel(raw.type),
      phase: contactPhase(raw.state, raw.agentConnectionState),
      queue: raw.queueName,
      caller,
      attributes: masked?.attributes ?? [],
      attributesUnavailable: raw.attributes === null,
      phaseSince: raw.stateSince ?? now,
    },
    auditEvents: [...(masked?.auditEvents ?? []), ...(callerMasked?.auditEvents ?? [])],
  };
}

import { buildCallView } from '../agent/buildCallView.ts';
import type { AuditEvent } from '../audit/AuditEvent.ts';
import { deriveSecureCaptures, type SecureCaptureHistory } from '../ivr/deriveSecureCaptures.ts';
import type { EffectiveSecureIvrField } from '../policy/EffectivePolicy.ts';
import { arrangeOnCard, isShownOnCard, type CardLayout } from './cardLayout.ts';
import type { ContactMasker } from './ContactMasker.ts';
import type { AttributeView, ContactView } from './ContactView.ts';
import type { RawContact } from './RawContact.ts';
import { contactChannel, contactPhase } from './contactPhase.ts';

const CALLER_FIELD = 'caller';

/** How a contact is turned into what the agent sees: the policy's masker and secure-IVR fields. */
export interface ContactViewPolicy {
  masker: ContactMasker;
  secureFields: readonly EffectiveSecureIvrField[];
  /** IT's attribute display; without it the card lists attributes as Connect gives them, by name. */
  card?: CardLayout;
}

/** The name kept readable when harmless, masked like a value when it holds something sensitive. */
function withShownName(attribute: AttributeView, masker: ContactMasker): AttributeView {
  const shown = masker.maskText(attribute.name).display;
  return shown === attribute.name ? attribute : { ...attribute, name: shown, nameMasked: true };
}

/**
 * Turns a raw contact into display strings. Nothing raw survives into the result: attributes are
 * masked (their names and the queue's too), secure-IVR attributes become capture statuses, and plaintext found in a secure field is
 * reported by label (for an incident), never by value.
 */
export function buildContactView(
  raw: RawContact,
  { masker, secureFields, card }: ContactViewPolicy,
  now: number,
  /** What the previous snapshot of this contact returned as `captureHistory`: chips time and count changes from it. */
  previousCaptures: SecureCaptureHistory = {},
): { view: ContactView; auditEvents: AuditEvent[]; plaintextIncidents: string[]; flowProblems: string[]; captureHistory: SecureCaptureHistory } {
  const secure =
    raw.attributes === null
      ? { captures: [], consumed: new Set<string>(), history: previousCaptures, flowProblems: [] }
      : deriveSecureCaptures(secureFields, raw.attributes, masker, previousCaptures, now);
  const shown =
    raw.attributes === null
      ? null
      : Object.fromEntries(Object.entries(raw.attributes).filter(([name]) => !secure.consumed.has(name) && (card === undefined || isShownOnCard(name, card))));
  const masked = shown === null ? null : masker.maskAttributes(shown);
  const arranged = masked === null ? [] : card === undefined ? masked.attributes : arrangeOnCard(masked.attributes, card);
  const callerMasked = raw.callerNumber === null ? null : masker.maskAttributes({ [CALLER_FIELD]: raw.callerNumber });
  const caller: AttributeView | null = callerMasked?.attributes[0] ?? null;
  const call = raw.call ? buildCallView(raw.call, masker, now) : null;
  const phase = contactPhase(raw.state, raw.agentConnectionState);
  return {
    view: {
      contactId: raw.contactId,
      channel: contactChannel(raw.type),
      // Connect holds the other parties, not the agent's leg: everyone waiting is "On hold".
      phase: phase === 'connected' && call?.allOnHold ? 'on_hold' : phase,
      queue: raw.queueName === null ? null : masker.maskText(raw.queueName).display,
      caller,
      attributes: arranged.map((attribute) => withShownName(attribute, masker)),
      secureCaptures: secure.captures,
      attributesUnavailable: raw.attributes === null,
      phaseSince: raw.stateSince ?? now,
      call,
    },
    auditEvents: [...(masked?.auditEvents ?? []), ...(callerMasked?.auditEvents ?? [])],
    plaintextIncidents: secure.captures.filter((capture) => capture.plaintextIncident).map((capture) => capture.label),
    flowProblems: secure.flowProblems,
    captureHistory: secure.history,
  };
}

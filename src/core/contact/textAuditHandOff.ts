import type { AuditEvent } from '../audit/AuditEvent.ts';
import type { MaskingEngine } from '../masking/MaskingEngine.ts';
import { createBlockAuditThrottle } from '../origins/blockAuditThrottle.ts';
import type { ContactMasker } from './ContactMasker.ts';

/**
 * The engine's text methods return audit events — a text that failed closed
 * (`masking.failed_closed`: too long, not scannable, a detector that threw) and sensitive
 * authentication data found in a text — but `ContactMasker`'s text methods return only what is
 * displayed, so a chat message that failed closed was masked and left no trace. This hands those
 * events to `report` (the shell sends them to the worker over the typed channel, as the attribute
 * path does). The events name the text's source, the contact when the caller names it (a chat
 * message's code is then one incident of that contact, however many desks see it), and the
 * reason, never the text.
 *
 * The shell masks the same text again on every render and re-reads a chat run on every new
 * message, so one fact is reported at most once per `windowMs` (the block audit's throttle, keyed
 * by the event's type and details): an extra event is possible after the window, a lost one is not.
 */
export function withTextAuditHandOff(
  engine: MaskingEngine,
  report: (event: AuditEvent) => void,
  now: () => number = Date.now,
  windowMs = 60_000,
): ContactMasker {
  const throttle = createBlockAuditThrottle(windowMs, 500);
  const handOff = (events: readonly AuditEvent[], contactId: string | undefined): void => {
    for (const found of events) {
      const event = contactId === undefined ? found : ofContact(found, contactId);
      if (throttle.shouldAudit(JSON.stringify(event.details), event.type, now())) report(event);
    }
  };
  return {
    maskAttributes: (attributes) => engine.maskAttributes(attributes),
    maskText(text, source, contactId) {
      const { display, findings, auditEvents } = engine.maskText(text, source);
      handOff(auditEvents, contactId);
      return { display, findings };
    },
    maskAdjacentTexts(texts, source, contactId) {
      const { displays, findings, auditEvents } = engine.maskAdjacentTexts(texts, source);
      handOff(auditEvents, contactId);
      return { displays, findings };
    },
    revealDisplay: (name, value, kind) => engine.revealDisplay(name, value, kind),
  };
}

/** The text methods' two events, naming the contact; any other event is passed on as it is. */
function ofContact(event: AuditEvent, contactId: string): AuditEvent {
  switch (event.type) {
    case 'masking.failed_closed':
      return { ...event, details: { ...event.details, contactId } };
    case 'masking.sensitive_auth_data':
      return { ...event, details: { ...event.details, contactId } };
    default:
      return event;
  }
}

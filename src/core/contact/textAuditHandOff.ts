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
 * path does). The events name the text's source and the reason, never the text.
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
  const handOff = (events: readonly AuditEvent[]): void => {
    for (const event of events) {
      if (throttle.shouldAudit(JSON.stringify(event.details), event.type, now())) report(event);
    }
  };
  return {
    maskAttributes: (attributes) => engine.maskAttributes(attributes),
    maskText(text, source) {
      const { display, findings, auditEvents } = engine.maskText(text, source);
      handOff(auditEvents);
      return { display, findings };
    },
    maskAdjacentTexts(texts, source) {
      const { displays, findings, auditEvents } = engine.maskAdjacentTexts(texts, source);
      handOff(auditEvents);
      return { displays, findings };
    },
    revealDisplay: (name, value, kind) => engine.revealDisplay(name, value, kind),
  };
}

import type { AuditEvent } from '../audit/AuditEvent.ts';
import type { SensitiveKind } from '../policy/Policy.ts';
import type { AttributeView } from './ContactView.ts';

/** The part of the masking engine the Connect adapter needs. */
export interface ContactMasker {
  maskAttributes(attributes: Record<string, unknown>): { attributes: AttributeView[]; auditEvents: AuditEvent[] };
  /**
   * Masks free text; `findings` say what was found where (offsets into `text`, never values).
   * `source` names the text in audit events (default `text`), `contactId` the contact it belongs to. What the text methods find worth
   * auditing (a text that failed closed, sensitive authentication data) is the masker's to report:
   * see `withTextAuditHandOff`.
   */
  maskText(
    text: string,
    source?: string,
    contactId?: string,
  ): { display: string; findings: readonly { kind: string; detector: string; start: number; end: number }[] };
  /**
   * Texts that follow each other (chat messages in a row, oldest first): one display per text, and a
   * secret written across two of them is masked in both. `findings` are offsets into each text.
   */
  maskAdjacentTexts(
    texts: readonly string[],
    source?: string,
    contactId?: string,
  ): { displays: string[]; findings: readonly (readonly { kind: string; detector: string; start: number; end: number }[])[] };
  /** What a supervisor sees on revealing `kind`: its findings shown, every other finding still masked. */
  revealDisplay(name: string, value: unknown, kind: SensitiveKind): { display: string; shownKinds: SensitiveKind[]; auditEvents: AuditEvent[] };
}

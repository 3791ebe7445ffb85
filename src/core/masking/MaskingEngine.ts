import type { AuditEvent } from '../audit/AuditEvent.ts';
import type { AttributeView } from '../contact/ContactView.ts';
import type { SensitiveKind } from '../policy/Policy.ts';
import type { FailClosedReason } from './failClosed.ts';
import type { Finding } from './Finding.ts';

export interface MaskingEngineOptions {
  /** Longer values are not scanned but hidden (fail closed). Default 32 768: Amazon Connect's limit for a whole attribute map. */
  maxValueLength?: number;
  /** ISO 3166 country for phone numbers written without +country code (the policy's `dialing.defaultCountry`). Default `US`. */
  defaultCountry?: string;
  /** Clock for audit events; injectable for tests. */
  now?: () => Date;
}

/** How a value's display was decided, for `explain` and the CLI. */
export type Decision = 'policyRule' | 'builtInName' | 'detectors' | 'failedClosed';

export interface AttributeExplanation {
  view: AttributeView;
  decidedBy: Decision;
  /** Offsets into the value (never the value); empty when a name rule decided. */
  findings: Finding[];
  failure?: FailClosedReason;
}

export interface MaskedAttributes {
  attributes: AttributeView[];
  auditEvents: AuditEvent[];
}

export interface MaskedText {
  display: string;
  findings: Finding[];
  auditEvents: AuditEvent[];
}

export interface RevealedValue {
  display: string;
  /** The kinds whose findings the display actually shows (empty when everything stayed masked). */
  shownKinds: SensitiveKind[];
  auditEvents: AuditEvent[];
}

export interface MaskingEngine {
  /** The agent's default view of an attribute map, in the map's key order. */
  maskAttributes(attributes: Record<string, unknown>): MaskedAttributes;
  /** Free text with no attribute name (chat messages, the caller's number). `source` names it in audit events. */
  maskText(text: string, source?: string): MaskedText;
  /**
   * What a supervisor sees on revealing `kind`: the findings of that kind, every other finding
   * masked as the agent sees it (cards and ciphertext are never shown). The caller decides whether
   * a reveal is allowed (`canReveal`).
   */
  revealDisplay(name: string, value: unknown, kind: SensitiveKind): RevealedValue;
  /** `maskAttributes` with the reasons: which rule or detector decided, and where findings are. */
  explain(attributes: Record<string, unknown>): { explanations: AttributeExplanation[]; auditEvents: AuditEvent[] };
}

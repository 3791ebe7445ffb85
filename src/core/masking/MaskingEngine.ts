import type { AuditEvent } from '../audit/AuditEvent.ts';
import type { AttributeView } from '../contact/ContactView.ts';
import type { SensitiveKind } from '../policy/Policy.ts';
import type { PhoneCountrySources } from './candidatePhoneCountries.ts';
import type { MaskLabels } from './displayFormat.ts';
import type { FailClosedReason } from './failClosed.ts';
import type { Finding } from './Finding.ts';

export interface MaskingEngineOptions extends PhoneCountrySources {
  /** Longer values are not scanned but hidden (fail closed). Default 32 768: Amazon Connect's limit for a whole attribute map. */
  maxValueLength?: number;
  /**
   * Countries national phone numbers are read in, when the caller has already decided; otherwise
   * `candidatePhoneCountries` picks them from `defaultCountry`, `instanceRegion` and `locale`.
   */
  phoneCountries?: readonly string[];
  /** Label words in the agent's language (the core never reads `chrome.i18n`). Default English. */
  labels?: MaskLabels;
  /** Clock for audit events; injectable for tests. */
  now?: () => Date;
}

/** How a value's display was decided, for `explain` and the CLI. */
type Decision = 'policyRule' | 'builtInName' | 'detectors' | 'failedClosed';

export interface AttributeExplanation {
  view: AttributeView;
  decidedBy: Decision;
  /** Offsets into the value (never the value); empty when a name rule decided. */
  findings: Finding[];
  failure?: FailClosedReason;
  /** The name or a finding says sensitive authentication data: never revealed, audited as an incident. */
  sensitiveAuth?: boolean;
}

interface MaskedAttributes {
  attributes: AttributeView[];
  auditEvents: AuditEvent[];
}

export interface MaskedText {
  display: string;
  findings: Finding[];
  auditEvents: AuditEvent[];
}

export interface MaskedTexts {
  /** One display per text, in order. */
  displays: string[];
  /** Offsets into each text, in order; a secret split over two texts has a part in each. */
  findings: Finding[][];
  auditEvents: AuditEvent[];
}

export interface RevealedValue {
  display: string;
  /** The kinds whose findings the display actually shows (empty when everything stayed masked). */
  shownKinds: SensitiveKind[];
  auditEvents: AuditEvent[];
}

export interface MaskingEngine {
  /**
   * The agent's default view of an attribute map, in the map's key order. A number split over
   * neighbouring attributes (`card1`, `card2`) is found across them and masked in both.
   */
  maskAttributes(attributes: Record<string, unknown>): MaskedAttributes;
  /** Free text with no attribute name (chat messages, the caller's number). `source` names it in audit events. */
  maskText(text: string, source?: string): MaskedText;
  /**
   * Texts that follow each other (chat messages in a row): each is masked as `maskText` would,
   * and a secret written across two of them ("4111 1111" then "1111 1111") is masked in both.
   */
  maskAdjacentTexts(texts: readonly string[], source?: string): MaskedTexts;
  /**
   * What a supervisor sees on revealing `kind`: the findings of that kind, every other finding
   * masked as the agent sees it (cards, ciphertext and sensitive authentication data are never
   * shown). The caller decides whether a reveal is allowed (`canReveal`).
   */
  revealDisplay(name: string, value: unknown, kind: SensitiveKind): RevealedValue;
  /** `maskAttributes` with the reasons: which rule or detector decided, and where findings are. */
  explain(attributes: Record<string, unknown>): { explanations: AttributeExplanation[]; auditEvents: AuditEvent[] };
}

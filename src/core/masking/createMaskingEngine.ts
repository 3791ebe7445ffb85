import type { AuditEvent } from '../audit/AuditEvent.ts';
import type { AttributeView } from '../contact/ContactView.ts';
import type { DetectorName, DisplayFormat, MaskingSettings, SensitiveKind } from '../policy/Policy.ts';
import type { NameWords } from './contextWords.ts';
import { createDetectionInput } from './createDetectionInput.ts';
import { createNameClassifier } from './createNameClassifier.ts';
import { abaRoutingDetector } from './detectors/abaRouting.ts';
import { cardNumberDetector } from './detectors/cardNumber.ts';
import { ciphertextDetector } from './detectors/ciphertext.ts';
import { createCustomPatternDetector } from './detectors/customPatterns.ts';
import { dateOfBirthDetector } from './detectors/dateOfBirth.ts';
import { emailDetector } from './detectors/email.ts';
import { ibanDetector } from './detectors/iban.ts';
import { myNumberDetector } from './detectors/myNumber.ts';
import { createPhoneDetector } from './detectors/phone.ts';
import { ssnDetector } from './detectors/ssn.ts';
import { HIDDEN_PLACEHOLDER, displayFormatFor, renderMasked, stricterFormat } from './displayFormat.ts';
import { buildFailClosedEvent, type FailClosedReason } from './failClosed.ts';
import type { Detector, Finding } from './Finding.ts';
import type { AttributeExplanation, MaskedText, MaskingEngine, MaskingEngineOptions, RevealedValue } from './MaskingEngine.ts';
import { mergeFindings, type MergedSpan } from './mergeFindings.ts';
import { NEVER_REVEALED } from './neverRevealed.ts';
import { uuidSpans } from './uuidSpans.ts';

export const DEFAULT_MAX_VALUE_LENGTH = 32_768;

/** Card numbers and ciphertext are always looked for; the policy cannot switch them off. */
const ALWAYS_ON: ReadonlySet<DetectorName> = new Set(['pan', 'ciphertext']);

/** Kinds found from digit runs alone; ciphertext, e-mail and custom patterns are kept even inside a UUID. */
const NUMBER_KINDS: ReadonlySet<SensitiveKind> = new Set(['pan', 'ssn', 'myNumber', 'abaRouting', 'phone', 'dob']);

class DetectorFailure extends Error {
  constructor(readonly detector: string) {
    super(`detector ${detector} failed`);
  }
}

interface Scan {
  normalized: string;
  findings: Finding[];
}

/**
 * Builds the engine once per policy: detectors and custom patterns are compiled here, and every
 * call after that is a pure function of its input.
 */
export function createMaskingEngine(masking: MaskingSettings | undefined, options: MaskingEngineOptions = {}): MaskingEngine {
  const maxValueLength = options.maxValueLength ?? DEFAULT_MAX_VALUE_LENGTH;
  const now = options.now ?? (() => new Date());
  const enabled = (name: DetectorName): boolean => ALWAYS_ON.has(name) || masking?.detectors?.[name] !== false;

  const builtIns: Array<[DetectorName, Detector]> = [
    ['ciphertext', ciphertextDetector],
    ['pan', cardNumberDetector],
    ['ssn', ssnDetector],
    ['myNumber', myNumberDetector],
    ['iban', ibanDetector],
    ['abaRouting', abaRoutingDetector],
    ['email', emailDetector],
    ['phone', createPhoneDetector(options.defaultCountry ?? 'US')],
    ['dob', dateOfBirthDetector],
  ];
  const detectors: Detector[] = [
    ...builtIns.filter(([name]) => enabled(name)).map(([, detector]) => detector),
    ...(masking?.patterns ?? []).map(createCustomPatternDetector),
  ];
  const classifyName = createNameClassifier(masking?.attributeRules);
  const customFormats = new Map<string, { format: DisplayFormat; label: string }>(
    (masking?.patterns ?? []).map((p) => [`custom:${p.name}`, { format: p.display ?? displayFormatFor('custom', masking), label: p.name }]),
  );

  function formatOf(finding: Finding): DisplayFormat {
    return customFormats.get(finding.detector)?.format ?? displayFormatFor(finding.kind, masking);
  }

  function scan(text: string, attributeName: NameWords | undefined, only?: string): Scan {
    const input = createDetectionInput(text, attributeName);
    const findings: Finding[] = [];
    for (const detector of detectors) {
      if (only !== undefined && detector.name !== only) continue;
      try {
        for (const finding of detector.detect(input)) findings.push(finding);
      } catch {
        throw new DetectorFailure(detector.name);
      }
    }
    return { normalized: input.text, findings: withoutNumbersInsideUuids(input.text, findings) };
  }

  function withoutNumbersInsideUuids(text: string, findings: Finding[]): Finding[] {
    if (!findings.some((f) => NUMBER_KINDS.has(f.kind)) || text.indexOf('-') < 0) return findings;
    const uuids = uuidSpans(text);
    if (uuids.length === 0) return findings;
    return findings.filter((f) => !(NUMBER_KINDS.has(f.kind) && uuids.some((u) => f.start >= u.start && f.end <= u.end)));
  }

  function renderSpan(span: MergedSpan, normalized: string): string {
    const top = span.deciding.find((p) => p.kind === span.kind);
    let format: DisplayFormat = top ? formatOf(top) : displayFormatFor(span.kind, masking);
    for (const part of span.deciding) format = stricterFormat(format, formatOf(part));
    const label = top ? customFormats.get(top.detector)?.label : undefined;
    return renderMasked(span.kind, format, normalized.slice(span.start, span.end), label);
  }

  /** Replaces each masked span, keeping the text around it verbatim. */
  function replaceSpans(text: string, normalized: string, spans: readonly MergedSpan[]): string {
    let out = '';
    let cursor = 0;
    for (const span of spans) {
      out += text.slice(cursor, span.start) + renderSpan(span, normalized);
      cursor = span.end;
    }
    return out + text.slice(cursor);
  }

  function kindsOf(spans: readonly MergedSpan[]): string[] {
    const kinds: string[] = [];
    for (const span of spans) for (const f of span.deciding) if (!kinds.includes(f.kind)) kinds.push(f.kind);
    return kinds;
  }

  function failClosed(name: string, reason: FailClosedReason, events: AuditEvent[], detector?: string): AttributeExplanation {
    events.push(buildFailClosedEvent(name, reason, now(), detector));
    const explanation: AttributeExplanation = {
      view: { name, display: HIDDEN_PLACEHOLDER, kinds: ['secret'], masked: true },
      decidedBy: 'failedClosed',
      findings: [],
      failure: reason,
    };
    return explanation;
  }

  function unscannable(value: unknown): FailClosedReason | null {
    if (typeof value !== 'string') return 'not_a_string';
    if (value.length > maxValueLength) return 'too_long';
    return null;
  }

  function classify(name: string, value: unknown, events: AuditEvent[]): AttributeExplanation {
    const problem = unscannable(value);
    if (problem !== null || typeof value !== 'string') return failClosed(name, problem ?? 'not_a_string', events);
    try {
      const { words, decision } = classifyName(name);
      if (decision && decision.kind !== 'public') {
        const kind = decision.kind;
        const decidedBy = decision.source === 'policy' ? 'policyRule' : 'builtInName';
        // A named card field that actually holds secure-IVR ciphertext is shown as such, not as "•••• AbCd".
        const ciphertextScan = scan(value, words, 'ciphertext');
        const encrypted = ciphertextScan.findings.length > 0;
        const shownKind: SensitiveKind = encrypted ? 'ciphertext' : kind;
        const view: AttributeView = {
          name,
          display: renderMasked(shownKind, displayFormatFor(shownKind, masking), ciphertextScan.normalized),
          kinds: encrypted ? [kind, 'ciphertext'] : [kind],
          masked: true,
        };
        return { view, decidedBy, findings: [] };
      }
      const { normalized, findings } = scan(value, words);
      const spans = mergeFindings(findings);
      const view: AttributeView = {
        name,
        display: spans.length === 0 ? value : replaceSpans(value, normalized, spans),
        kinds: kindsOf(spans),
        masked: spans.length > 0,
      };
      return { view, decidedBy: 'detectors', findings };
    } catch (error) {
      return failClosed(name, 'detector_error', events, error instanceof DetectorFailure ? error.detector : undefined);
    }
  }

  function explain(attributes: Record<string, unknown>): { explanations: AttributeExplanation[]; auditEvents: AuditEvent[] } {
    const auditEvents: AuditEvent[] = [];
    const explanations = Object.keys(attributes).map((name) => classify(name, attributes[name], auditEvents));
    return { explanations, auditEvents };
  }

  function maskText(text: string, source = 'text'): MaskedText {
    const auditEvents: AuditEvent[] = [];
    const problem = unscannable(text);
    if (problem !== null) {
      failClosed(source, problem, auditEvents);
      return { display: HIDDEN_PLACEHOLDER, findings: [], auditEvents };
    }
    try {
      const { normalized, findings } = scan(text, undefined);
      const spans = mergeFindings(findings);
      return { display: spans.length === 0 ? text : replaceSpans(text, normalized, spans), findings, auditEvents };
    } catch (error) {
      failClosed(source, 'detector_error', auditEvents, error instanceof DetectorFailure ? error.detector : undefined);
      return { display: HIDDEN_PLACEHOLDER, findings: [], auditEvents };
    }
  }

  /**
   * A reveal shows the findings of the revealed kind and nothing else: every other finding in the
   * value keeps the display the agent sees. A name rule's kind covers the whole value, so revealing
   * it shows the text around the detectors' findings, which stay masked.
   */
  function revealDisplay(name: string, value: unknown, kind: SensitiveKind): RevealedValue {
    const auditEvents: AuditEvent[] = [];
    const problem = unscannable(value);
    if (problem !== null || typeof value !== 'string') {
      failClosed(name, problem ?? 'not_a_string', auditEvents);
      return { display: HIDDEN_PLACEHOLDER, shownKinds: [], auditEvents };
    }
    const stayMasked = (): RevealedValue => ({ display: classify(name, value, auditEvents).view.display, shownKinds: [], auditEvents });
    if (NEVER_REVEALED.has(kind)) return stayMasked();
    try {
      const { words, decision } = classifyName(name);
      const namedKind = decision && decision.kind !== 'public' ? decision.kind : null;
      if (namedKind !== null && namedKind !== kind) return stayMasked();
      const { normalized, findings } = scan(value, words);
      const spans = mergeFindings(findings);
      if (namedKind !== null && spans.some((span) => span.kind === 'ciphertext')) return stayMasked();
      // A span another kind decides stays masked: showing it would show that kind too. (A by-product
      // lying wholly inside a finding of the revealed kind is the same characters, not another value.)
      const hidden = spans.filter((span) => span.deciding.some((part) => part.kind !== kind));
      const shown = namedKind !== null || hidden.length < spans.length;
      return { display: replaceSpans(value, normalized, hidden), shownKinds: shown ? [kind] : [], auditEvents };
    } catch (error) {
      failClosed(name, 'detector_error', auditEvents, error instanceof DetectorFailure ? error.detector : undefined);
      return { display: HIDDEN_PLACEHOLDER, shownKinds: [], auditEvents };
    }
  }

  return {
    maskAttributes(attributes) {
      const { explanations, auditEvents } = explain(attributes);
      return { attributes: explanations.map((e) => e.view), auditEvents };
    },
    maskText,
    revealDisplay,
    explain,
  };
}

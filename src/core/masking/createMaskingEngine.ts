import type { AuditEvent } from '../audit/AuditEvent.ts';
import type { AttributeView } from '../contact/ContactView.ts';
import type { DetectorName, DisplayFormat, MaskingSettings, SensitiveKind } from '../policy/Policy.ts';
import { candidatePhoneCountries } from './candidatePhoneCountries.ts';
import type { NameWords } from './contextWords.ts';
import { createDetectionInput } from './createDetectionInput.ts';
import { createNameClassifier } from './createNameClassifier.ts';
import { abaRoutingDetector } from './detectors/abaRouting.ts';
import { bankAccountNumberDetector } from './detectors/bankAccountNumber.ts';
import { answeredQuestionsDetector, answersAcrossTexts } from './detectors/answeredQuestions.ts';
import { cardCompanionsDetector } from './detectors/cardCompanions.ts';
import { cardInHalvesDetector } from './detectors/cardInHalves.ts';
import { cardNumberDetector } from './detectors/cardNumber.ts';
import { ciphertextDetector } from './detectors/ciphertext.ts';
import { createCustomPatternDetector } from './detectors/customPatterns.ts';
import { dateOfBirthDetector } from './detectors/dateOfBirth.ts';
import { emailDetector } from './detectors/email.ts';
import { spokenEmailDetector } from './detectors/spokenEmail.ts';
import { botSlotValuesDetector } from './detectors/botSlotValues.ts';
import { namedValuesInTextDetector } from './detectors/namedValuesInText.ts';
import { createNumberOverTurnsDetector } from './detectors/numberOverTurns.ts';
import { flowBlockInputDetector } from './detectors/flowBlockInput.ts';
import { identityDocumentDetector } from './detectors/identityDocument.ts';
import { ibanDetector } from './detectors/iban.ts';
import { myNumberDetector } from './detectors/myNumber.ts';
import { createPhoneDetector } from './detectors/phone.ts';
import { buildAuditEvent } from '../audit/buildAuditEvent.ts';
import { labelledCardExpiryDetector } from './detectors/labelledCardExpiry.ts';
import { isSensitiveAuthFinding, sensitiveAuthDetector, sensitiveAuthSort } from './detectors/sensitiveAuth.ts';
import { ssnDetector } from './detectors/ssn.ts';
import { ssnLastFourDetector } from './detectors/ssnLastFour.ts';
import { ENGLISH_LABELS, FULL_MASK, HIDDEN_PLACEHOLDER, displayFormatFor, renderLastFour, renderMasked, stricterFormat } from './displayFormat.ts';
import { buildFailClosedEvent, type FailClosedReason } from './failClosed.ts';
import type { DetectionInput, Detector, Finding } from './Finding.ts';
import type { AttributeExplanation, MaskedText, MaskedTexts, MaskingEngine, MaskingEngineOptions, RevealedValue } from './MaskingEngine.ts';
import { mergeFindings, sortFindings, spanEndIndex, spanOf, type MergedSpan } from './mergeFindings.ts';
import { NEVER_REVEALED } from './neverRevealed.ts';
import { visualReadings } from './visualReadings.ts';
import { cardFormAcrossTexts } from './cardFormAcrossTexts.ts';
import { crossBoundaryFindings } from './crossBoundaryFindings.ts';
import { repeatedValues } from './repeatedValues.ts';
import { uuidSpans } from './uuidSpans.ts';

const DEFAULT_MAX_VALUE_LENGTH = 32_768;

/** Card numbers, ciphertext and sensitive authentication data are always looked for; the policy cannot switch them off. */
const ALWAYS_ON: ReadonlySet<DetectorName> = new Set(['pan', 'ciphertext']);

/** Built-in detectors whose findings may hold a line break: digit groups are joined across one. */
const LINE_BREAK_DETECTORS: ReadonlySet<string> = new Set(['pan', 'ssn', 'myNumber', 'abaRouting', 'cardCompanions']);

/** Kinds found from digit runs alone; ciphertext, e-mail and custom patterns are kept even inside a UUID or an IBAN-shaped reference. */
function isNumberKind(kind: SensitiveKind): boolean {
  // A switch on these constant strings is asked twice per finding; a Set look-up hashed each time.
  switch (kind) {
    case 'pan':
    case 'ssn':
    case 'myNumber':
    case 'abaRouting':
    case 'phone':
    case 'dob':
      return true;
    default:
      return false;
  }
}

class DetectorFailure extends Error {
  constructor(readonly detector: string) {
    super(`detector ${detector} failed`);
  }
}

/**
 * A test for whether [start, end) lies wholly inside one of `spans`: some span starts at or before
 * `start` and ends at or after `end`, that is, the furthest end among the spans starting at or
 * before `start` reaches `end`. Sorted by start with those furthest ends, each test is a binary
 * search, where testing every span for every finding grew with their product (a long text holds
 * hundreds of each).
 */
function insideAny(spans: Array<{ start: number; end: number }>): (start: number, end: number) => boolean {
  spans.sort((a, b) => a.start - b.start);
  const starts = new Int32Array(spans.length);
  const reach = new Int32Array(spans.length);
  let furthest = -1;
  spans.forEach((span, i) => {
    furthest = Math.max(furthest, span.end);
    starts[i] = span.start;
    reach[i] = furthest;
  });
  return (start, end) => {
    // The last span starting at or before `start`.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((starts[middle] ?? 0) <= start) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (reach[low - 1] ?? -1) >= end;
  };
}

/** Findings in the original value's offsets. */
interface Scan {
  findings: Finding[];
}

/**
 * Builds the engine once per policy: detectors and custom patterns are compiled here, and every
 * call after that is a pure function of its input.
 */
export function createMaskingEngine(masking: MaskingSettings | undefined, options: MaskingEngineOptions = {}): MaskingEngine {
  const maxValueLength = options.maxValueLength ?? DEFAULT_MAX_VALUE_LENGTH;
  const now = options.now ?? (() => new Date());
  const labels = options.labels ?? ENGLISH_LABELS;
  const enabled = (name: DetectorName): boolean => ALWAYS_ON.has(name) || masking?.detectors?.[name] !== false;
  const phoneCountries = options.phoneCountries ?? candidatePhoneCountries(options).countries;

  const builtIns: Array<[DetectorName, Detector]> = [
    ['ciphertext', ciphertextDetector],
    ['pan', cardNumberDetector],
    ['ssn', ssnDetector],
    ['ssn', ssnLastFourDetector],
    ['myNumber', myNumberDetector],
    ['idDocument', identityDocumentDetector],
    ['iban', ibanDetector],
    ['abaRouting', abaRoutingDetector],
    ['accountNumber', bankAccountNumberDetector],
    ['email', emailDetector],
    ['email', spokenEmailDetector],
    ['phone', createPhoneDetector(phoneCountries)],
    ['dob', dateOfBirthDetector],
  ];
  const detectors: Detector[] = [
    ...builtIns.filter(([name]) => enabled(name)).map(([, detector]) => detector),
    sensitiveAuthDetector,
    // Like the card numbers they follow, always looked for.
    cardCompanionsDetector,
    labelledCardExpiryDetector,
    cardInHalvesDetector,
    answeredQuestionsDetector,
    flowBlockInputDetector,
    botSlotValuesDetector,
    namedValuesInTextDetector,
    // The card's always, the SSN's and My Number's where the policy has them on.
    createNumberOverTurnsDetector([cardNumberDetector, ...(enabled('ssn') ? [ssnDetector] : []), ...(enabled('myNumber') ? [myNumberDetector] : [])]),
    ...(masking?.patterns ?? []).map(createCustomPatternDetector),
  ];
  const ciphertextOnly: Detector[] = [ciphertextDetector];
  const classifyName = createNameClassifier(masking?.attributeRules);
  const customFormats = new Map<string, { format: DisplayFormat; label: string }>(
    (masking?.patterns ?? []).map((p) => [`custom:${p.name}`, { format: p.display ?? displayFormatFor('custom', masking), label: p.name }]),
  );
  // Neighbouring texts are joined by a line break and only findings across it are kept; phone,
  // e-mail, IBAN, ciphertext, birth-date and authentication-code matches never hold a line break
  // (their scanners and patterns stop at one), so only digit groups and custom patterns can.
  // Always on like the cards, but a test engine may be given its own detectors.
  const cardCompanionsOn = detectors.includes(cardCompanionsDetector);
  const answersAcrossOn = detectors.includes(answeredQuestionsDetector);
  const acrossLineBreaks: Detector[] = detectors.filter((d) => LINE_BREAK_DETECTORS.has(d.name) || customFormats.has(d.name));
  // The built-in number detectors' findings start and end on digits; a custom pattern's may not.
  const joinedStartOnDigits = customFormats.size === 0;

  // Each kind's format, looked up once per engine instead of per masked span.
  const kindFormats = new Map<SensitiveKind, DisplayFormat>();
  function formatOfKind(kind: SensitiveKind): DisplayFormat {
    let format = kindFormats.get(kind);
    if (format === undefined) kindFormats.set(kind, (format = displayFormatFor(kind, masking)));
    return format;
  }

  function formatOf(finding: Finding): DisplayFormat {
    const custom = customFormats.size === 0 ? undefined : customFormats.get(finding.detector);
    const format = custom?.format ?? formatOfKind(finding.kind);
    // The last four of a split secret are in its last part; an earlier part shows none.
    return finding.continues === true ? stricterFormat(format, 'full') : format;
  }

  function scan(text: string, attributeName: NameWords | undefined, using: readonly Detector[] = detectors): Scan {
    const { findings, plain } = scanInStoredOrder(text, attributeName, using);
    // A value of ASCII and plain Japanese (most) holds no right-to-left character: drawn as stored.
    if (plain) return { findings };
    // A secret the browser draws in another order (bidirectional text) is found as drawn; its span in
    // the stored text covers every character of it.
    for (const reading of visualReadings(text)) {
      for (const finding of scanInStoredOrder(reading.text, attributeName, using).findings) {
        let start = text.length;
        let end = 0;
        for (let i = finding.start; i < finding.end; i++) {
          const stored = reading.storedIndex(i);
          start = Math.min(start, stored);
          end = Math.max(end, stored + 1);
        }
        if (start < end) findings.push({ ...finding, start, end });
      }
    }
    return { findings };
  }

  function scanInStoredOrder(text: string, attributeName: NameWords | undefined, using: readonly Detector[]): Scan & { plain: boolean } {
    const input = createDetectionInput(text, attributeName);
    let findings: Finding[] = [];
    for (const detector of using) {
      try {
        for (const finding of detector.detect(input)) findings.push(finding);
      } catch {
        throw new DetectorFailure(detector.name);
      }
    }
    findings = withoutNumbersInsideReferences(input, findings);
    // A value found once is hidden where it is said again in another grouping.
    if (findings.length > 0) for (const again of repeatedValues(input, findings)) findings.push(again);
    const { normalized } = input;
    if (normalized.remapped) {
      findings = findings.map((f) => ({ ...f, start: normalized.originalStart(f.start), end: normalized.originalEnd(f.end) }));
    }
    return { findings, plain: normalized.plain };
  }

  /** UUIDs and IBAN-shaped references whose checksum fails are ids an agent needs: no number inside them is a card or a My Number. */
  function withoutNumbersInsideReferences(input: DetectionInput, findings: Finding[]): Finding[] {
    if (!findings.some((f) => isNumberKind(f.kind))) return findings;
    const { text } = input;
    const references: Array<{ start: number; end: number }> = text.indexOf('-') >= 0 ? uuidSpans(text) : [];
    for (const shape of input.ibanShapes()) if (!shape.valid) references.push(shape);
    if (references.length === 0) return findings;
    const inside = insideAny(references);
    // Most values keep every finding: the array is copied only from the first one dropped.
    let kept: Finding[] | null = null;
    for (let k = 0; k < findings.length; k++) {
      const f = findings[k];
      if (f === undefined) continue;
      const dropped = isNumberKind(f.kind) && inside(f.start, f.end);
      if (dropped) kept ??= findings.slice(0, k);
      else if (kept !== null) kept.push(f);
    }
    return kept ?? findings;
  }

  function renderSpan(span: MergedSpan, original: string): string {
    let top: Finding | undefined;
    for (const part of span.deciding) {
      if (part.kind !== span.kind) continue;
      top = part;
      break;
    }
    let format: DisplayFormat = top ? formatOf(top) : formatOfKind(span.kind);
    for (const part of span.deciding) format = stricterFormat(format, formatOf(part));
    if (format === 'lastFour') return renderLastFour(span.kind, original, span.start, span.end);
    const label = top && customFormats.size > 0 ? customFormats.get(top.detector)?.label : undefined;
    return label === undefined ? maskOf(span.kind, format) : renderMasked(span.kind, format, '', label, labels);
  }

  // What a label draws depends only on the kind: drawn once per engine; a full mask is one constant.
  const kindLabels = new Map<SensitiveKind, string>();
  function maskOf(kind: SensitiveKind, format: DisplayFormat): string {
    if (format !== 'label') return format === 'full' ? FULL_MASK : renderMasked(kind, format, '', undefined, labels);
    let label = kindLabels.get(kind);
    if (label === undefined) kindLabels.set(kind, (label = renderMasked(kind, format, '', undefined, labels)));
    return label;
  }

  /** `renderSpan` of the span that is this one finding alone (most spans): its kind, its format, its label. */
  function renderFinding(finding: Finding, original: string): string {
    const format = formatOf(finding);
    if (format === 'lastFour') return renderLastFour(finding.kind, original, finding.start, finding.end);
    const label = customFormats.size > 0 ? customFormats.get(finding.detector)?.label : undefined;
    return label === undefined ? maskOf(finding.kind, format) : renderMasked(finding.kind, format, '', label, labels);
  }

  /** Replaces each masked span, keeping the text around it verbatim. */
  function replaceSpans(text: string, spans: readonly MergedSpan[]): string {
    let out = '';
    let cursor = 0;
    for (const span of spans) {
      out += text.slice(cursor, span.start) + renderSpan(span, text);
      cursor = span.end;
    }
    return out + text.slice(cursor);
  }

  /**
   * `replaceSpans(text, mergeFindings(findings))` and the kinds of its spans' deciding findings, in
   * one pass: a span of one finding is drawn from the finding, without a span object; only
   * overlapping findings are merged into one.
   */
  function draw(text: string, findings: readonly Finding[], kinds: string[] | null): string {
    const sorted = sortFindings(findings);
    let out = '';
    let cursor = 0;
    for (let from = 0; from < sorted.length;) {
      const to = spanEndIndex(sorted, from);
      const first = sorted[from];
      if (first === undefined) break;
      if (to === from + 1) {
        out += text.slice(cursor, first.start) + renderFinding(first, text);
        cursor = first.end;
        if (kinds !== null && !kinds.includes(first.kind)) kinds.push(first.kind);
      } else {
        const span = spanOf(sorted, from, to);
        out += text.slice(cursor, span.start) + renderSpan(span, text);
        cursor = span.end;
        if (kinds !== null) for (const f of span.deciding) if (!kinds.includes(f.kind)) kinds.push(f.kind);
      }
      from = to;
    }
    return out + text.slice(cursor);
  }

  /** A name as it may be recorded: a flow can write a card number into an attribute's name too. */
  function recordableName(name: string): string {
    if (name.length > maxValueLength) return HIDDEN_PLACEHOLDER;
    try {
      const { findings } = scan(name, undefined);
      return findings.length === 0 ? name : draw(name, findings, null);
    } catch {
      // The broken detector is this policy's; the audit builder still masks names with the built-in ones.
      return name;
    }
  }

  function failClosed(name: string, reason: FailClosedReason, events: AuditEvent[], detector?: string): AttributeExplanation {
    events.push(buildFailClosedEvent(recordableName(name), reason, now(), detector));
    const explanation: AttributeExplanation = {
      view: { name, display: HIDDEN_PLACEHOLDER, kinds: ['secret'], masked: true },
      decidedBy: 'failedClosed',
      findings: [],
      failure: reason,
    };
    return explanation;
  }

  /** The incident record: where (attribute or text source) and which sort of data, never the value. */
  function sensitiveAuthEvent(source: string, sort: string): AuditEvent {
    return buildAuditEvent('masking.sensitive_auth_data', { source, kind: sort }, now());
  }

  function textIncidents(source: string, findings: readonly Finding[], events: AuditEvent[]): void {
    if (!findings.some(isSensitiveAuthFinding)) return;
    const sorts = new Set<string>();
    for (const f of findings) if (isSensitiveAuthFinding(f)) sorts.add(f.detector.slice(f.detector.indexOf(':') + 1));
    for (const sort of sorts) events.push(sensitiveAuthEvent(source, sort));
  }

  function unscannable(value: unknown): FailClosedReason | null {
    if (typeof value !== 'string') return 'not_a_string';
    if (value.length > maxValueLength) return 'too_long';
    return null;
  }

  function viewOfFindings(name: string, value: string, findings: Finding[]): AttributeView {
    // Most values hold nothing: nothing to merge or draw.
    if (findings.length === 0) return { name, display: value, kinds: [], masked: false };
    const kinds: string[] = [];
    return { name, display: draw(value, findings, kinds), kinds, masked: true };
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
        const encrypted = scan(value, words, ciphertextOnly).findings.length > 0;
        const shownKind: SensitiveKind = encrypted ? 'ciphertext' : kind;
        const format = displayFormatFor(shownKind, masking);
        const view: AttributeView = {
          name,
          display: format === 'lastFour' ? renderLastFour(shownKind, value, 0, value.length) : maskOf(shownKind, format),
          kinds: encrypted ? [kind, 'ciphertext'] : [kind],
          masked: true,
        };
        const sensitiveAuth = decision.sensitiveAuth === true && !encrypted;
        if (sensitiveAuth && value.trim().length > 0) events.push(sensitiveAuthEvent(name, sensitiveAuthSort(words.compact)));
        return { view, decidedBy, findings: [], ...(sensitiveAuth ? { sensitiveAuth } : {}) };
      }
      const { findings } = scan(value, words);
      const sensitiveAuth = findings.some((f) => isSensitiveAuthFinding(f));
      if (sensitiveAuth) textIncidents(name, findings, events);
      return { view: viewOfFindings(name, value, findings), decidedBy: 'detectors', findings, ...(sensitiveAuth ? { sensitiveAuth } : {}) };
    } catch (error) {
      return failClosed(name, 'detector_error', events, error instanceof DetectorFailure ? error.detector : undefined);
    }
  }

  /**
   * Numbers found only when neighbouring texts are read together, then the expiry and code of a card
   * sent as the texts after it, and in a `dialogue` (chat messages) the answer after a question;
   * `scanned` holds each text's own findings and gets these added.
   */
  function addCrossBoundary(texts: readonly string[], scanned: Array<Finding[] | null>, dialogue: boolean): number[] {
    const changed = new Set<number>();
    const add = (extra: Map<number, Finding[]>): void => {
      for (const [i, findings] of extra) {
        const own = scanned[i];
        if (findings.length === 0 || own === null || own === undefined) continue;
        for (const finding of findings) own.push(finding);
        changed.add(i);
      }
    };
    add(crossBoundaryFindings(texts, scanned, (joined) => scan(joined, undefined, acrossLineBreaks).findings, joinedStartOnDigits));
    if (cardCompanionsOn) add(cardFormAcrossTexts(texts, scanned));
    // A question and its answer are messages of a conversation; attributes in a row are not one.
    if (dialogue && answersAcrossOn) add(answersAcrossTexts(texts, scanned));
    return [...changed];
  }

  function explain(attributes: Record<string, unknown>): { explanations: AttributeExplanation[]; auditEvents: AuditEvent[] } {
    const auditEvents: AuditEvent[] = [];
    const names = Object.keys(attributes);
    // Each value read once: a keyed look-up in a map of hundreds of names is not free.
    const given = names.map((name) => attributes[name]);
    const explanations = names.map((name, i) => classify(name, given[i], auditEvents));
    // Only values the detectors decided take part: a name rule already hides the whole value.
    const values = explanations.map((explanation, i) => (explanation.decidedBy === 'detectors' ? String(given[i]) : ''));
    const scanned = explanations.map((e) => (e.decidedBy === 'detectors' ? e.findings : null));
    try {
      for (const i of addCrossBoundary(values, scanned, false)) {
        const explanation = explanations[i];
        const name = names[i];
        if (explanation === undefined || name === undefined) continue;
        explanation.view = viewOfFindings(name, values[i] ?? '', explanation.findings);
        // A code found only beside the card in the attribute before (`card`, `cvv2`…) is an incident too, raised once.
        if (explanation.sensitiveAuth !== true && explanation.findings.some(isSensitiveAuthFinding)) {
          explanation.sensitiveAuth = true;
          textIncidents(name, explanation.findings, auditEvents);
        }
      }
    } catch (error) {
      // A detector that throws on the joined text hides the texts it would have read together.
      for (const [i, explanation] of explanations.entries()) {
        if (explanation.decidedBy !== 'detectors') continue;
        explanations[i] = failClosed(names[i] ?? '', 'detector_error', auditEvents, error instanceof DetectorFailure ? error.detector : undefined);
      }
    }
    return { explanations, auditEvents };
  }

  function maskAdjacentTexts(texts: readonly string[], source = 'text'): MaskedTexts {
    const auditEvents: AuditEvent[] = [];
    const scanned: Array<Finding[] | null> = [];
    const failed = texts.map(() => false);
    texts.forEach((text, i) => {
      const problem = unscannable(text);
      if (problem !== null) {
        failClosed(source, problem, auditEvents);
        failed[i] = true;
        scanned.push(null);
        return;
      }
      try {
        scanned.push(scan(text, undefined).findings);
      } catch (error) {
        failClosed(source, 'detector_error', auditEvents, error instanceof DetectorFailure ? error.detector : undefined);
        failed[i] = true;
        scanned.push(null);
      }
    });
    try {
      addCrossBoundary(
        texts.map((text, i) => (failed[i] === true ? '' : text)),
        scanned,
        true,
      );
    } catch (error) {
      failClosed(source, 'detector_error', auditEvents, error instanceof DetectorFailure ? error.detector : undefined);
      return { displays: texts.map(() => HIDDEN_PLACEHOLDER), findings: texts.map(() => []), auditEvents };
    }
    const displays = texts.map((text, i) => {
      const findings = scanned[i];
      if (failed[i] === true || findings === null || findings === undefined) return HIDDEN_PLACEHOLDER;
      textIncidents(source, findings, auditEvents);
      return findings.length === 0 ? text : draw(text, findings, null);
    });
    return { displays, findings: scanned.map((f) => f ?? []), auditEvents };
  }

  function maskText(text: string, source = 'text'): MaskedText {
    const auditEvents: AuditEvent[] = [];
    const problem = unscannable(text);
    if (problem !== null) {
      failClosed(source, problem, auditEvents);
      return { display: HIDDEN_PLACEHOLDER, findings: [], auditEvents };
    }
    try {
      const { findings } = scan(text, undefined);
      textIncidents(source, findings, auditEvents);
      return { display: findings.length === 0 ? text : draw(text, findings, null), findings, auditEvents };
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
      // Sensitive authentication data is never shown to anyone, whatever the policy lets supervisors reveal.
      if (decision?.sensitiveAuth === true) return { display: FULL_MASK, shownKinds: [], auditEvents };
      const namedKind = decision && decision.kind !== 'public' ? decision.kind : null;
      if (namedKind !== null && namedKind !== kind) return stayMasked();
      const { findings } = scan(value, words);
      const spans = mergeFindings(findings);
      if (namedKind !== null && spans.some((span) => span.kind === 'ciphertext')) return stayMasked();
      // A span another kind decides stays masked: showing it would show that kind too. (A by-product
      // lying wholly inside a finding of the revealed kind is the same characters, not another value.)
      // A code under "CVV" or "PIN" in the text stays masked even when secrets are revealed.
      const hidden = spans.filter((span) => span.deciding.some((part) => part.kind !== kind) || span.parts.some(isSensitiveAuthFinding));
      const shown = namedKind !== null || hidden.length < spans.length;
      return { display: replaceSpans(value, hidden), shownKinds: shown ? [kind] : [], auditEvents };
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
    maskAdjacentTexts,
    revealDisplay,
    explain,
  };
}

import type { ContactMasker } from '../contact/ContactMasker.ts';
import type { EffectiveSecureIvrField } from '../policy/EffectivePolicy.ts';
import { classifySecureValue, type SecureValueKind } from './classifySecureValue.ts';
import type { SecureCaptureChange, SecureCaptureStatus, SecureCaptureView } from './SecureCaptureView.ts';

/** What is remembered of each secure field during one contact (by value attribute). Statuses and times only. */
export type SecureCaptureHistory = Readonly<Record<string, { changes: readonly SecureCaptureChange[]; countedAttempts: number }>>;

export interface SecureCaptures {
  captures: SecureCaptureView[];
  /** Attribute names the captures stand for: they are shown as status, never as values. */
  consumed: Set<string>;
  /** The history to pass in with the contact's next snapshot. */
  history: SecureCaptureHistory;
  /** Labels of fields whose flow said "captured" without storing a value. */
  flowProblems: string[];
}

/** Enough for any real retry loop; older changes are dropped first. */
const MAX_CHANGES = 20;
const MAX_ATTEMPTS = 1000;
const MAX_REASON_LENGTH = 120;

/**
 * Turns the policy's secure-IVR fields into capture statuses. The value attribute must hold
 * ciphertext; plaintext there is never shown and becomes an incident; "captured" with nothing
 * (or nonsense) stored is `value_missing`, a flow problem. `previous` is what this function
 * returned for the same contact's earlier snapshot: with it, status changes are timed and counted
 * as attempts, so the chips follow the flow live.
 */
export function deriveSecureCaptures(
  fields: readonly EffectiveSecureIvrField[],
  attributes: Readonly<Record<string, unknown>>,
  masker: ContactMasker,
  previous: SecureCaptureHistory = {},
  now = 0,
): SecureCaptures {
  const consumed = new Set<string>();
  const captures: SecureCaptureView[] = [];
  const history: Record<string, { changes: readonly SecureCaptureChange[]; countedAttempts: number }> = {};
  const flowProblems: string[] = [];
  for (const field of fields) {
    consumed.add(field.valueAttribute);
    consumed.add(field.statusAttribute);
    if (field.attemptsAttribute) consumed.add(field.attemptsAttribute);
    if (field.failureReasonAttribute) consumed.add(field.failureReasonAttribute);
    // A contact whose flow never reached this step (a chat, another queue) has nothing to show.
    if (!(field.valueAttribute in attributes) && !(field.statusAttribute in attributes)) continue;
    const valueKind = classifySecureValue(attributes[field.valueAttribute], masker);
    const status = statusOf(wordMeaning(field, attributes[field.statusAttribute]), valueKind);
    const before = previous[field.valueAttribute];
    const last = before?.changes.at(-1);
    let changes = before?.changes ?? [];
    let countedAttempts = before?.countedAttempts ?? 0;
    if (last?.status !== status) {
      if (startsAttempt(status, last?.status)) countedAttempts++;
      changes = [...changes, { status, at: now }].slice(-MAX_CHANGES);
    }
    history[field.valueAttribute] = { changes, countedAttempts };
    if (status === 'value_missing') flowProblems.push(field.label);
    captures.push({
      label: field.label,
      status,
      plaintextIncident: valueKind === 'plaintext',
      attempts: attemptsFrom(field.attemptsAttribute ? attributes[field.attemptsAttribute] : undefined) ?? countedAttempts,
      lastChangedAt: changes.at(-1)?.at ?? now,
      failureReason: reasonFrom(field.failureReasonAttribute ? attributes[field.failureReasonAttribute] : undefined, masker),
      history: [...changes],
    });
  }
  return { captures, consumed, history, flowProblems };
}

type WordMeaning = 'absent' | 'captured' | 'in_progress' | 'failed' | 'unknown';

function wordMeaning(field: EffectiveSecureIvrField, raw: unknown): WordMeaning {
  if (raw === undefined || raw === null || raw === '') return 'absent';
  if (typeof raw !== 'string') return 'unknown';
  const word = raw.trim().toLowerCase();
  const has = (list: readonly string[]) => list.some((entry) => entry.toLowerCase() === word);
  if (has(field.statusValues.captured)) return 'captured';
  if (has(field.statusValues.inProgress)) return 'in_progress';
  if (has(field.statusValues.failed)) return 'failed';
  return 'unknown';
}

function statusOf(word: WordMeaning, value: SecureValueKind): SecureCaptureStatus {
  switch (word) {
    case 'absent':
      return value === 'none' ? 'not_started' : 'unknown';
    case 'captured':
      // Plaintext is reported as an incident on top of this; "captured, encrypted" needs ciphertext.
      return value === 'ciphertext' || value === 'plaintext' ? 'captured' : 'value_missing';
    default:
      return word;
  }
}

/**
 * A new attempt: the caller starts entering, or a result arrives that no entering led up to.
 * "captured" turning into "value missing" (or back) is the same result, not another attempt.
 */
function startsAttempt(status: SecureCaptureStatus, before: SecureCaptureStatus | undefined): boolean {
  if (status === 'in_progress') return true;
  const captured = (candidate: SecureCaptureStatus | undefined) => candidate === 'captured' || candidate === 'value_missing';
  if (captured(status)) return before !== 'in_progress' && !captured(before);
  if (status === 'failed') return before !== 'in_progress';
  return false;
}

function attemptsFrom(raw: unknown): number | null {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{1,4}$/.test(text)) return null;
  const attempts = Number(text);
  return attempts <= MAX_ATTEMPTS ? attempts : null;
}

/** The flow's words for a failure are contact data like any other: masked, and kept short. */
function reasonFrom(raw: unknown, masker: ContactMasker): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  return masker.maskText(raw.trim().slice(0, MAX_REASON_LENGTH)).display;
}

import type { ContactMasker } from '../contact/ContactMasker.ts';
import type { EffectiveSecureIvrField } from '../policy/EffectivePolicy.ts';
import type { SecureCaptureStatus, SecureCaptureView } from './SecureCaptureView.ts';

export interface SecureCaptures {
  captures: SecureCaptureView[];
  /** Attribute names the captures stand for: they are shown as status, never as values. */
  consumed: Set<string>;
}

/**
 * Turns the policy's secure-IVR fields into capture statuses. The value attribute must hold
 * ciphertext (the flow's encrypt-input block); anything else there — a card number typed in the
 * clear, a test value — is plaintext in a secure field: it is never shown and becomes an incident.
 * The masker's detectors decide what counts as ciphertext (the value is scanned as free text, so
 * no attribute-name rule colours the verdict), one definition for this and every other value.
 */
export function deriveSecureCaptures(fields: readonly EffectiveSecureIvrField[], attributes: Readonly<Record<string, unknown>>, masker: ContactMasker): SecureCaptures {
  const consumed = new Set<string>();
  const captures: SecureCaptureView[] = [];
  for (const field of fields) {
    consumed.add(field.valueAttribute);
    consumed.add(field.statusAttribute);
    // A contact whose flow never reached this step (a chat, another queue) has nothing to show.
    if (!(field.valueAttribute in attributes) && !(field.statusAttribute in attributes)) continue;
    const value = attributes[field.valueAttribute];
    const hasValue = value !== undefined && value !== null && value !== '';
    captures.push({
      label: field.label,
      status: statusOf(field, attributes[field.statusAttribute], hasValue),
      plaintextIncident: hasValue && !isCiphertextOnly(value, masker),
    });
  }
  return { captures, consumed };
}

function statusOf(field: EffectiveSecureIvrField, raw: unknown, hasValue: boolean): SecureCaptureStatus {
  if (raw === undefined || raw === null || raw === '') return hasValue ? 'unknown' : 'not_started';
  if (typeof raw !== 'string') return 'unknown';
  const word = raw.trim().toLowerCase();
  const has = (list: readonly string[]) => list.some((entry) => entry.toLowerCase() === word);
  if (has(field.statusValues.captured)) return 'captured';
  if (has(field.statusValues.inProgress)) return 'in_progress';
  if (has(field.statusValues.failed)) return 'failed';
  return 'unknown';
}

/** Ciphertext and nothing else: every non-blank character lies inside a ciphertext finding. */
function isCiphertextOnly(value: unknown, masker: ContactMasker): boolean {
  if (typeof value !== 'string') return false;
  const { findings } = masker.maskText(value);
  if (findings.length === 0 || findings.some((finding) => finding.kind !== 'ciphertext')) return false;
  const covered = new Uint8Array(value.length);
  for (const finding of findings) covered.fill(1, finding.start, finding.end);
  for (let i = 0; i < value.length; i++) if (covered[i] === 0 && value.charCodeAt(i) > 0x20) return false;
  return true;
}

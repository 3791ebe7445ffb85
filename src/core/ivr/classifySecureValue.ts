import type { ContactMasker } from '../contact/ContactMasker.ts';

/**
 * What a secure field's value attribute holds, judged without showing it:
 * - `none`: absent or empty;
 * - `ciphertext`: ciphertext and nothing else (what the flow's encrypt-input block stores);
 * - `plaintext`: anything that looks like data typed in the clear — a finding of any other kind,
 *   or digits outside the ciphertext (keypad input is digits: cards, PINs, dates);
 * - `odd`: neither, e.g. "null", "N/A" or a flow path such as "$.External.card": the flow stored
 *   no value. Never shown either.
 * The masker's detectors decide what counts as ciphertext: one definition for every value.
 */
export type SecureValueKind = 'none' | 'ciphertext' | 'plaintext' | 'odd';

export function classifySecureValue(value: unknown, masker: ContactMasker): SecureValueKind {
  if (value === undefined || value === null || value === '') return 'none';
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : null;
  if (text === null) return 'odd';
  if (text.trim() === '') return 'none';
  const { findings } = masker.maskText(text);
  if (findings.some((finding) => finding.kind !== 'ciphertext')) return 'plaintext';
  const covered = new Uint8Array(text.length);
  for (const finding of findings) covered.fill(1, finding.start, finding.end);
  let rest = false;
  for (let i = 0; i < text.length; i++) {
    if (covered[i] === 1) continue;
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return 'plaintext';
    // Full-width digits are digits too (a caller's input relayed through a Japanese flow).
    if (code >= 0xff10 && code <= 0xff19) return 'plaintext';
    if (code > 0x20) rest = true;
  }
  if (findings.length > 0 && !rest) return 'ciphertext';
  return 'odd';
}

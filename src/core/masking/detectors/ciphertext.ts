import type { Detector, Finding } from '../Finding.ts';
import { uuidSpans } from '../uuidSpans.ts';

/**
 * Base64 of an AWS Encryption SDK message (what Amazon Connect's encrypt-input blocks store):
 * version 1 starts 0x01 0x80 0x03 0x78 → "AYADe"; other v1 algorithm suites → "AYA"/"AYAA"…;
 * version 2 starts 0x02 0x04 0x78 / 0x02 0x05 0x78 → "AgR4" / "AgV4".
 */
const ESDK_PREFIXES = ['AYAD', 'AYAA', 'AYAB', 'AYAC', 'AgR4', 'AgV4'] as const;
/** Long enough to be a key, a token or ciphertext (a 256-bit key in base64 is 44), longer than a UUID (36). */
const MIN_BLOB = 40;

type CharClass = 0 | 1 | 2 | 3;
function classOf(code: number): CharClass {
  if (code >= 48 && code <= 57) return 1;
  if (code >= 65 && code <= 90) return 2;
  if (code >= 97 && code <= 122) return 3;
  return 0;
}

/**
 * Random bytes in base64 switch between upper case, lower case and digits on roughly two of three
 * characters; words, camelCase ids and hyphenated references switch far less, hex digests have a
 * single letter case. A token counts as a blob when it is long, has both cases, and switches often.
 */
function looksLikeRandomBase64(text: string, start: number, end: number, uuids: ReadonlyArray<{ start: number; end: number }>): boolean {
  let upper = 0;
  let lower = 0;
  let switches = 0;
  let letters = 0;
  let previous: CharClass = 0;
  let skipped = false;
  for (let i = start; i < end; i++) {
    // A UUID's hex switches between digits and letters as often as random bytes do: not counted.
    const uuid = uuids.length === 0 ? undefined : uuids.find((span) => span.start <= i && i < span.end);
    if (uuid !== undefined) {
      i = uuid.end - 1;
      previous = 0;
      skipped = true;
      continue;
    }
    const cls = classOf(text.charCodeAt(i));
    if (cls === 0) continue;
    if (cls === 2) upper++;
    if (cls === 3) lower++;
    if (previous !== 0 && cls !== previous) switches++;
    previous = cls;
    letters++;
  }
  // Without its UUIDs, what is left must still be long enough to be a blob.
  return (!skipped || letters >= MIN_BLOB - 4) && upper >= 3 && lower >= 3 && switches >= letters * 0.4;
}

/** Secure-IVR ciphertext and other long base64 blobs: never displayed, whatever else they contain. */
export const ciphertextDetector: Detector = {
  name: 'ciphertext',
  detect(input) {
    const { text } = input;
    const findings: Finding[] = [];
    // Maximal base64 runs at least as long as the shortest ESDK message (MIN_BASE64_RUN), from the value's one candidate pass.
    let uuids: Array<{ start: number; end: number }> | null = null;
    for (const { start, end } of input.base64Runs()) {
      const length = end - start;
      const esdk = ESDK_PREFIXES.some((prefix) => text.startsWith(prefix, start));
      if (!esdk && length >= MIN_BLOB) uuids ??= text.indexOf('-') >= 0 ? uuidSpans(text) : [];
      if (esdk || (length >= MIN_BLOB && looksLikeRandomBase64(text, start, end, uuids ?? []))) {
        findings.push({ kind: 'ciphertext', start, end, detector: 'ciphertext' });
      }
    }
    return findings;
  },
};

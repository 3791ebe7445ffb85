import type { Detector, Finding } from '../Finding.ts';

/**
 * Base64 of an AWS Encryption SDK message (what Amazon Connect's encrypt-input blocks store):
 * version 1 starts 0x01 0x80 0x03 0x78 → "AYADe"; other v1 algorithm suites → "AYA"/"AYAA"…;
 * version 2 starts 0x02 0x04 0x78 / 0x02 0x05 0x78 → "AgR4" / "AgV4".
 */
const ESDK_PREFIXES = ['AYAD', 'AYAA', 'AYAB', 'AYAC', 'AgR4', 'AgV4'] as const;
const MIN_ESDK = 20;
/** Long enough to be a key, a token or ciphertext (a 256-bit key in base64 is 44), longer than a UUID (36). */
const MIN_BLOB = 40;

function isBase64Char(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 0x2b || // +
    code === 0x2f || // /
    code === 0x3d || // =
    code === 0x2d || // - (base64url)
    code === 0x5f // _ (base64url)
  );
}

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
function looksLikeRandomBase64(text: string, start: number, end: number): boolean {
  let upper = 0;
  let lower = 0;
  let switches = 0;
  let letters = 0;
  let previous: CharClass = 0;
  for (let i = start; i < end; i++) {
    const cls = classOf(text.charCodeAt(i));
    if (cls === 0) continue;
    if (cls === 2) upper++;
    if (cls === 3) lower++;
    if (previous !== 0 && cls !== previous) switches++;
    previous = cls;
    letters++;
  }
  return upper >= 3 && lower >= 3 && switches >= letters * 0.4;
}

/** Secure-IVR ciphertext and other long base64 blobs: never displayed, whatever else they contain. */
export const ciphertextDetector: Detector = {
  name: 'ciphertext',
  detect({ text }) {
    const findings: Finding[] = [];
    let i = 0;
    while (i < text.length) {
      if (!isBase64Char(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < text.length && isBase64Char(text.charCodeAt(i))) i++;
      const length = i - start;
      const esdk = length >= MIN_ESDK && ESDK_PREFIXES.some((prefix) => text.startsWith(prefix, start));
      if (esdk || (length >= MIN_BLOB && looksLikeRandomBase64(text, start, i))) {
        findings.push({ kind: 'ciphertext', start, end: i, detector: 'ciphertext' });
      }
    }
    return findings;
  },
};

import type { DigitSpan } from './digitSpans.ts';

/**
 * Where a normalised value can hold anything at all, found in one pass over its characters: the
 * digit spans every number detector starts from, the base64 runs the ciphertext detector looks
 * at, and whether there is a capital letter (a value without one is its own lower-case form).
 * Each detector then works on its own candidates instead of scanning the whole value again.
 */
export interface ValueCandidates {
  /** Every maximal run of ASCII digits, in order. */
  digitSpans: DigitSpan[];
  /** Every maximal run of base64 / base64url characters (`[0-9A-Za-z+/=_-]`) at least `MIN_BASE64_RUN` long. */
  base64Runs: DigitSpan[];
  hasCapital: boolean;
}

/** The shortest AWS Encryption SDK message the ciphertext detector recognises. */
const MIN_BASE64_RUN = 20;

const OTHER = 0;
const DIGIT = 1;
const CAPITAL = 2;
/** A lower-case letter or one of `+/=_-`: base64, but neither a digit nor a capital. */
const BASE64 = 3;

const CLASSES = new Uint8Array(128);
for (let code = 48; code <= 57; code++) CLASSES[code] = DIGIT;
for (let code = 65; code <= 90; code++) CLASSES[code] = CAPITAL;
for (let code = 97; code <= 122; code++) CLASSES[code] = BASE64;
for (const char of '+/=_-') CLASSES[char.charCodeAt(0)] = BASE64;

export function scanCandidates(text: string): ValueCandidates {
  const digitSpans: DigitSpan[] = [];
  const base64Runs: DigitSpan[] = [];
  let hasCapital = false;
  let digitStart = -1;
  let base64Start = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? (CLASSES[code] ?? OTHER) : OTHER;
    if (cls === DIGIT) {
      if (digitStart < 0) digitStart = i;
    } else if (digitStart >= 0) {
      digitSpans.push({ start: digitStart, end: i });
      digitStart = -1;
    }
    if (cls === OTHER) {
      if (base64Start >= 0 && i - base64Start >= MIN_BASE64_RUN) base64Runs.push({ start: base64Start, end: i });
      base64Start = -1;
    } else {
      if (base64Start < 0) base64Start = i;
      if (cls === CAPITAL) hasCapital = true;
    }
  }
  if (digitStart >= 0) digitSpans.push({ start: digitStart, end: length });
  if (base64Start >= 0 && length - base64Start >= MIN_BASE64_RUN) base64Runs.push({ start: base64Start, end: length });
  return { digitSpans, base64Runs, hasCapital };
}

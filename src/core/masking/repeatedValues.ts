import type { DetectionInput, Finding } from './Finding.ts';

/**
 * A value found once and said again in another form, as agents read values back ("Use
 * 404-873-2188." … "Got it — four oh four, 873, 2188."; "1978年2月28日生まれ" beside the caller's
 * "1978年の、2月の28日"): the same digits, grouped otherwise, are the same secret. Digit groups
 * parted by at most four characters and no letter of the alphabet are read as one written value.
 */
const MIN_DIGITS = 6;
const LONGEST_GAP = 4;

function digitsOf(text: string, start: number, end: number): string {
  let digits = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += text.charAt(i);
  }
  return digits;
}

/** True when `text[from, to)` may part the groups of one value: short, no ASCII letter, no line break. */
function joinsGroups(text: string, from: number, to: number): boolean {
  if (to - from > LONGEST_GAP) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return false;
  }
  return true;
}

/** Findings for the other places `findings`' values are written in `input`, of the same kinds. */
export function repeatedValues(input: DetectionInput, findings: readonly Finding[]): Finding[] {
  const { text } = input;
  const kinds = new Map<string, Finding>();
  for (const f of findings) {
    const digits = digitsOf(text, f.start, f.end);
    if (digits.length >= MIN_DIGITS && !kinds.has(digits)) kinds.set(digits, f);
  }
  if (kinds.size === 0) return [];
  const spans = input.digitSpans();
  const covered = (start: number, end: number): boolean => findings.some((f) => f.start < end && f.end > start);
  const found: Finding[] = [];
  for (let a = 0; a < spans.length; a++) {
    const first = spans[a];
    if (first === undefined) continue;
    let digits = '';
    for (let b = a; b < spans.length; b++) {
      const span = spans[b];
      const previous = spans[b - 1];
      if (span === undefined || (b > a && previous !== undefined && !joinsGroups(text, previous.end, span.start))) break;
      digits += text.slice(span.start, span.end);
      const same = kinds.get(digits);
      if (same !== undefined && !covered(first.start, span.end)) {
        // A date's 日 after its last digits, as the value found ends with it.
        const end = text.charCodeAt(span.end) >= 0x80 && text.charAt(span.end) === text.charAt(same.end - 1) ? span.end + 1 : span.end;
        found.push({ kind: same.kind, start: first.start, end, detector: `${same.detector}:repeated` });
        a = b;
        break;
      }
      if (digits.length >= 19) break;
    }
  }
  return found;
}

import { FULL_MASK, HIDDEN_PLACEHOLDER } from '../masking/displayFormat.ts';
import type { FindingSpan } from './TextMasker.ts';

/** What a display of one text masks, as raw offsets (adapter memory only, never values). */
export interface Masking {
  display: string;
  spans: readonly { start: number; end: number }[];
}

/** The engine's display and findings for `text`, as the stretches of it the display hides. */
export function maskingOf(text: string, display: string, findings: readonly FindingSpan[]): Masking {
  // A text that failed closed is hidden whole, whatever its findings say.
  if (display === HIDDEN_PLACEHOLDER) return { display, spans: [{ start: 0, end: text.length }] };
  return { display, spans: mergeSpans(findings) };
}

/**
 * A display that hides everything `shown` hides and everything `next` hides. `next` itself when
 * it already does (the usual case); `shown` when `next` adds nothing; otherwise the text with
 * every stretch either one hides replaced by the full mask (the engine's last-four and label
 * forms rest on one reading, and the union is of two).
 */
export function growMasking(text: string, shown: Masking, next: Masking): Masking {
  if (covers(shown.spans, next.spans)) return shown;
  if (covers(next.spans, shown.spans)) return next;
  if (shown.display === HIDDEN_PLACEHOLDER) return shown;
  const spans = mergeSpans([...shown.spans, ...next.spans]);
  let display = '';
  let cursor = 0;
  for (const span of spans) {
    display += text.slice(cursor, span.start) + FULL_MASK;
    cursor = span.end;
  }
  return { display: display + text.slice(cursor), spans };
}

/** Overlapping or touching stretches become one, as the engine merges findings before masking them. */
function mergeSpans(spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Every stretch of `inner` lies inside one stretch of `outer` (both merged). */
function covers(outer: readonly { start: number; end: number }[], inner: readonly { start: number; end: number }[]): boolean {
  return inner.every((span) => outer.some((around) => around.start <= span.start && span.end <= around.end));
}

import type { SensitiveKind } from '../policy/Policy.ts';
import type { Finding } from './Finding.ts';

/** When spans overlap, the kind that says most about the danger names the merged span. */
const PRIORITY: readonly SensitiveKind[] = [
  'ciphertext',
  'pan',
  // An IBAN's digit groups can look like an SSN or a My Number; the longer, checked match names it.
  'iban',
  'ssn',
  'myNumber',
  'idDocument',
  'abaRouting',
  'accountNumber',
  'secret',
  'custom',
  'dob',
  'email',
  'phone',
];

export interface MergedSpan {
  start: number;
  end: number;
  /** The most serious kind in the span. */
  kind: SensitiveKind;
  /** Every finding that fell in the span. */
  parts: Finding[];
  /**
   * The parts that decide the display: a finding lying wholly inside one of the span's
   * top-kind findings is a by-product (four digits of a card that also pass a My Number check)
   * and must not turn "•••• 1111" into a label or add a kind.
   */
  deciding: Finding[];
}

const RANKS = new Map<SensitiveKind, number>(PRIORITY.map((kind, at) => [kind, at]));

function rank(kind: SensitiveKind): number {
  return RANKS.get(kind) ?? PRIORITY.length;
}

/** Findings by start, the longest first where two start together: the order spans are merged in. */
export function sortFindings(findings: readonly Finding[]): readonly Finding[] {
  return findings.length < 2 ? findings : [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Where the span that starts with `sorted[from]` ends: the index after its last finding. A finding
 * that starts at or before the end so far (overlapping or touching) belongs to it.
 */
export function spanEndIndex(sorted: readonly Finding[], from: number): number {
  let end = sorted[from]?.end ?? 0;
  let next = from + 1;
  for (let f = sorted[next]; f !== undefined && f.start <= end; f = sorted[++next]) end = Math.max(end, f.end);
  return next;
}

/** The span of `sorted[from]` … `sorted[to - 1]` (one span, as `spanEndIndex` found it). */
export function spanOf(sorted: readonly Finding[], from: number, to: number): MergedSpan {
  const parts = sorted.slice(from, to);
  const first = parts[0];
  if (first === undefined) throw new RangeError('empty span');
  const span: MergedSpan = { start: first.start, end: first.end, kind: first.kind, parts, deciding: parts };
  for (let i = 1; i < parts.length; i++) {
    const finding = parts[i];
    if (finding === undefined) continue;
    span.end = Math.max(span.end, finding.end);
    if (rank(finding.kind) < rank(span.kind)) span.kind = finding.kind;
  }
  // A span of one finding (most) is decided by it.
  if (parts.length > 1) span.deciding = decidingParts(span);
  return span;
}

/** Overlapping or touching findings become one span, so no masked text is split into recoverable pieces. */
export function mergeFindings(findings: readonly Finding[]): MergedSpan[] {
  const sorted = sortFindings(findings);
  const merged: MergedSpan[] = [];
  for (let from = 0; from < sorted.length;) {
    const to = spanEndIndex(sorted, from);
    merged.push(spanOf(sorted, from, to));
    from = to;
  }
  return merged;
}

/** Linear sweep over parts already sorted by start. */
function decidingParts(span: MergedSpan): Finding[] {
  const tops = span.parts.filter((p) => p.kind === span.kind);
  const deciding: Finding[] = [];
  let topIndex = 0;
  let coveredUntil = -1;
  for (const part of span.parts) {
    if (part.kind === span.kind) {
      deciding.push(part);
      continue;
    }
    for (let top = tops[topIndex]; top && top.start <= part.start; top = tops[++topIndex]) {
      coveredUntil = Math.max(coveredUntil, top.end);
    }
    if (part.end > coveredUntil) deciding.push(part);
  }
  return deciding;
}

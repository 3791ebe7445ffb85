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

/** Overlapping or touching findings become one span, so no masked text is split into recoverable pieces. */
export function mergeFindings(findings: readonly Finding[]): MergedSpan[] {
  if (findings.length === 0) return [];
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: MergedSpan[] = [];
  for (const finding of sorted) {
    const last = merged[merged.length - 1];
    if (last && finding.start <= last.end) {
      last.end = Math.max(last.end, finding.end);
      last.parts.push(finding);
      if (rank(finding.kind) < rank(last.kind)) last.kind = finding.kind;
    } else {
      merged.push({ start: finding.start, end: finding.end, kind: finding.kind, parts: [finding], deciding: [] });
    }
  }
  // A span of one finding (most) is decided by it.
  for (const span of merged) span.deciding = span.parts.length === 1 ? span.parts : decidingParts(span);
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

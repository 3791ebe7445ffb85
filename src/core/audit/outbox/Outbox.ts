import type { AuditEvent } from '../AuditEvent.ts';

/** One stored event: its sequence number (gap-free, in order of arrival) and a unique ID for de-duplication downstream. */
export interface OutboxEntry {
  id: string;
  sequence: number;
  event: AuditEvent;
}

export type DropReason = 'size' | 'age' | 'rejected';

/** Events removed before they were delivered: a contiguous range of sequence numbers. */
export interface DropRecord {
  at: string;
  reason: DropReason;
  count: number;
  firstSequence: number;
  lastSequence: number;
}

/**
 * The outbox's small index, rewritten on every change. Events live in fixed-size segments keyed
 * by number (segment `n` holds sequences `n*SIZE+1 … (n+1)*SIZE`), so an append rewrites only the
 * index and the last segment, never the whole log; the index stays the same size however many
 * events are kept.
 */
export interface OutboxMeta {
  version: 1;
  /** Sequence number the next event gets. */
  nextSequence: number;
  /** Oldest sequence still kept; `nextSequence - firstSequence` events are kept. */
  firstSequence: number;
  /** Every sequence up to this one is settled: delivered, or dropped and reported. */
  settledThrough: number;
  /** Consecutive failed deliveries. */
  attempt: number;
  /** When the next delivery may be tried (epoch ms); null: as soon as there is something to send. */
  nextAttemptAt: number | null;
  /** The most recent drops, newest last (at most `MAX_DROP_RECORDS`). */
  drops: DropRecord[];
}

export interface OutboxLimits {
  maxEvents: number;
  retentionDays: number;
}

export const OUTBOX_SEGMENT_SIZE = 100;
export const MAX_DROP_RECORDS = 20;
export const DAY_MS = 86_400_000;

export function emptyOutboxMeta(): OutboxMeta {
  return { version: 1, nextSequence: 1, firstSequence: 1, settledThrough: 0, attempt: 0, nextAttemptAt: null, drops: [] };
}

export function segmentOf(sequence: number): number {
  return Math.floor((sequence - 1) / OUTBOX_SEGMENT_SIZE);
}

export function firstSequenceOfSegment(segment: number): number {
  return segment * OUTBOX_SEGMENT_SIZE + 1;
}

export function lastSequenceOfSegment(segment: number): number {
  return (segment + 1) * OUTBOX_SEGMENT_SIZE;
}

/** Segment numbers from the oldest kept to the newest, in order. */
export function keptSegments(meta: OutboxMeta): number[] {
  if (meta.nextSequence === meta.firstSequence) return [];
  const segments: number[] = [];
  for (let segment = segmentOf(meta.firstSequence); segment <= segmentOf(meta.nextSequence - 1); segment += 1) segments.push(segment);
  return segments;
}

/** What the outbox writes and removes in storage for one change. */
export interface OutboxChange {
  meta: OutboxMeta;
  /** Segments to (re)write, whole. */
  writes: Map<number, OutboxEntry[]>;
  /** Segments to remove. */
  removes: number[];
}

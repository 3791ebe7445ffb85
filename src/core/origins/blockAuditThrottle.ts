/**
 * Keeps the audit trail useful when a page keeps hitting a blocked origin: one `origin.blocked`
 * event per origin and kind per window. Memory is bounded — keys older than the window are
 * dropped, and past `maxKeys` the oldest go first. Forgetting a key can only cause an extra
 * audit event, never a missing one.
 */
export interface BlockAuditThrottle {
  shouldAudit(origin: string, kind: string, nowMs: number): boolean;
  /** Keys currently remembered (for tests and diagnostics). */
  size(): number;
  /** What it remembers, oldest first, so a stopped worker can pick up where it left off. */
  remembered(): [string, number][];
}

export function createBlockAuditThrottle(windowMs = 60_000, maxKeys = 1_000, restored: readonly (readonly [string, number])[] = []): BlockAuditThrottle {
  // Map iteration order is insertion order; re-inserting on every audit keeps it ordered by
  // last-audit time, so expired keys are always at the front.
  const lastAuditedAt = new Map<string, number>([...restored].sort((a, b) => a[1] - b[1]).slice(-maxKeys));

  const evict = (nowMs: number): void => {
    for (const [key, at] of lastAuditedAt) {
      if (nowMs - at < windowMs && lastAuditedAt.size <= maxKeys) break;
      lastAuditedAt.delete(key);
    }
  };

  return {
    shouldAudit(origin, kind, nowMs) {
      evict(nowMs);
      const key = `${kind}\u0000${origin}`;
      const at = lastAuditedAt.get(key);
      // A clock that went backwards counts as "elapsed": better an extra event than a lost one.
      if (at !== undefined && nowMs >= at && nowMs - at < windowMs) return false;
      lastAuditedAt.delete(key);
      lastAuditedAt.set(key, nowMs);
      if (lastAuditedAt.size > maxKeys) evict(nowMs);
      return true;
    },
    size: () => lastAuditedAt.size,
    remembered: () => [...lastAuditedAt],
  };
}

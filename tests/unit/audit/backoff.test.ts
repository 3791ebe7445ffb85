import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../src/core/audit/outbox/backoffDelay.ts';
import { recordDelivered, recordRetry } from '../../../src/core/audit/outbox/deliveryBatch.ts';
import { emptyOutboxMeta, type OutboxMeta } from '../../../src/core/audit/outbox/Outbox.ts';

/** A seeded generator: the same jitter sequence on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('backoff schedule', () => {
  it('doubles its ceiling per attempt up to the cap, and waits at least half of it', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map((attempt) => backoffDelay(attempt, 0.999_999));
    expect(ceilings).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000]);
    expect([1, 2, 3, 9].map((attempt) => backoffDelay(attempt, 0))).toEqual([1_000, 2_000, 4_000, 150_000]);
  });

  it('spreads desktops that failed together (jitter)', () => {
    const random = seededRandom(7);
    const delays = Array.from({ length: 50 }, () => backoffDelay(4, random()));
    expect(new Set(delays).size).toBeGreaterThan(40);
    expect(delays.every((delay) => delay >= 8_000 && delay <= 16_000)).toBe(true);
  });

  it('driven by a fake clock: attempts while the collector is down, then one delivery, then the schedule resets', () => {
    const random = seededRandom(42);
    let clock = 0;
    let meta: OutboxMeta = emptyOutboxMeta();
    const downUntil = 60_000;
    const attempts: number[] = [];
    while (true) {
      attempts.push(clock);
      if (clock < downUntil) {
        meta = recordRetry(meta, { now: clock, random: random() });
        clock = meta.nextAttemptAt ?? clock;
        continue;
      }
      meta = recordDelivered(meta, 1);
      break;
    }
    const gaps = attempts.slice(1).map((at, i) => at - (attempts[i] ?? 0));
    gaps.forEach((gap, i) => {
      const ceiling = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** i);
      expect(gap).toBeGreaterThanOrEqual(ceiling / 2);
      expect(gap).toBeLessThanOrEqual(ceiling);
    });
    expect(attempts.length).toBeLessThan(10);
    expect(attempts.at(-1)).toBeGreaterThanOrEqual(downUntil);
    expect(meta).toMatchObject({ attempt: 0, nextAttemptAt: null });
  });
});

export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": the ceiling doubles per failed attempt (from
 * `baseMs`, capped at `maxMs`) and the delay is a random point in its upper half, so desktops
 * that lost the collector together do not retry together, and no retry is ever immediate.
 * `random` is in [0, 1) — injected so the schedule is a pure function.
 */
export function backoffDelay(attempt: number, random: number, settings: BackoffSettings = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const ceiling = Math.min(settings.maxMs, settings.baseMs * 2 ** exponent);
  const unit = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * unit);
}

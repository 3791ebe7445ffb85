import { TYPING_VALIDITY_MS } from './chatContentTypes.ts';

/**
 * Whether a keystroke should send a typing event: at most one per validity window, leading edge,
 * as chatjs throttles it (`throttle(…, TYPING_VALIDITY_TIME, {leading: true, trailing: false})`).
 * The customer's side shows the indicator for that window, so one event per window is enough.
 */
export function createTypingThrottle(windowMs: number = TYPING_VALIDITY_MS): (now: number) => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return (now) => {
    if (now - last < windowMs) return false;
    last = now;
    return true;
  };
}

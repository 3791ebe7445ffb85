import { describe, expect, it } from 'vitest';
import { ACK_SILENCE_LIMIT_MS, FIRST_ACK_LIMIT_MS, initialCcpHealth, nextCcpHealth } from '../../../src/core/connection/ccpHealth.ts';

describe('ccpHealth', () => {
  it('is connected after an acknowledgement and unreachable after a silence', () => {
    let health = nextCcpHealth(initialCcpHealth(0), { type: 'ack', at: 100 });
    expect(health.status).toBe('connected');
    health = nextCcpHealth(health, { type: 'tick', at: 100 + ACK_SILENCE_LIMIT_MS });
    expect(health.status).toBe('connected');
    health = nextCcpHealth(health, { type: 'tick', at: 101 + ACK_SILENCE_LIMIT_MS });
    expect(health.status).toBe('unreachable');
    health = nextCcpHealth(health, { type: 'ack', at: 200 + ACK_SILENCE_LIMIT_MS });
    expect(health.status).toBe('connected');
  });

  it('gives a CCP that never answered longer before calling it unreachable', () => {
    const start = initialCcpHealth(0);
    expect(nextCcpHealth(start, { type: 'tick', at: ACK_SILENCE_LIMIT_MS + 1 }).status).toBe('starting');
    expect(nextCcpHealth(start, { type: 'tick', at: FIRST_ACK_LIMIT_MS + 1 }).status).toBe('unreachable');
  });

  it('keeps signed-out and gave-up until the CCP answers again', () => {
    const signedOut = nextCcpHealth(initialCcpHealth(0), { type: 'auth_fail', at: 1 });
    expect(nextCcpHealth(signedOut, { type: 'tick', at: 1e9 }).status).toBe('signed_out');
    const gaveUp = nextCcpHealth(signedOut, { type: 'retries_exhausted', at: 2 });
    expect(nextCcpHealth(gaveUp, { type: 'tick', at: 1e9 }).status).toBe('gave_up');
    expect(nextCcpHealth(gaveUp, { type: 'ack', at: 3 }).status).toBe('connected');
  });

  it('stays at origin_violation whatever the frame or the clock says next', () => {
    const connected = nextCcpHealth(initialCcpHealth(0), { type: 'ack', at: 1 });
    const violated = nextCcpHealth(connected, { type: 'origin_violation', at: 2 });
    expect(violated.status).toBe('origin_violation');
    for (const event of [
      { type: 'ack', at: 3 },
      { type: 'tick', at: 1e9 },
      { type: 'auth_fail', at: 4 },
      { type: 'retries_exhausted', at: 5 },
    ] as const) {
      expect(nextCcpHealth(violated, event).status).toBe('origin_violation');
    }
  });

  it('goes to origin_violation from every other status', () => {
    const starting = initialCcpHealth(0);
    const statuses = [
      starting,
      nextCcpHealth(starting, { type: 'ack', at: 1 }),
      nextCcpHealth(starting, { type: 'tick', at: FIRST_ACK_LIMIT_MS + 1 }),
      nextCcpHealth(starting, { type: 'auth_fail', at: 1 }),
      nextCcpHealth(starting, { type: 'retries_exhausted', at: 1 }),
    ];
    expect(statuses.map((health) => health.status)).toEqual(['starting', 'connected', 'unreachable', 'signed_out', 'gave_up']);
    for (const health of statuses) expect(nextCcpHealth(health, { type: 'origin_violation', at: 9 }).status).toBe('origin_violation');
  });

  it('tells a refused frame apart from an outage, and keeps the refusal until the CCP answers', () => {
    const start = initialCcpHealth(0);
    const refused = nextCcpHealth(start, { type: 'framing_refused', at: 5_000, refusal: { by: 'frame_ancestors' } });
    expect(refused).toMatchObject({ status: 'not_approved', refusal: { by: 'frame_ancestors' } });
    // Neither the clock nor Streams giving up turns it into a vaguer "unreachable" or "gave up".
    expect(nextCcpHealth(refused, { type: 'tick', at: 1e9 }).status).toBe('not_approved');
    expect(nextCcpHealth(refused, { type: 'retries_exhausted', at: 6_000 }).status).toBe('not_approved');
    const answered = nextCcpHealth(refused, { type: 'ack', at: 7_000 });
    expect(answered).toEqual({ status: 'connected', lastAckAt: 7_000, startedAt: 0 });
    // An outage found by asking the instance shows at once, without the refusal.
    expect(nextCcpHealth(start, { type: 'instance_down', at: 5_000 }).status).toBe('unreachable');
    expect(nextCcpHealth(refused, { type: 'instance_down', at: 8_000 })).toEqual({ status: 'unreachable', lastAckAt: null, startedAt: 0 });
  });

  it('ignores a late probe once the CCP answers', () => {
    const connected = nextCcpHealth(initialCcpHealth(0), { type: 'ack', at: 1 });
    expect(nextCcpHealth(connected, { type: 'framing_refused', at: 2, refusal: { by: 'x_frame_options', value: 'DENY' } }).status).toBe('connected');
    expect(nextCcpHealth(connected, { type: 'instance_down', at: 2 }).status).toBe('connected');
  });
});

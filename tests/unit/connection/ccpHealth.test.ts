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
});

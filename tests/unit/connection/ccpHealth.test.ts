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
});

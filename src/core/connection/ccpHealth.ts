/**
 * Whether the embedded CCP is answering. Streams sends a synchronize every second and the CCP
 * acknowledges it; when acknowledgements stop, the agent must be told before they miss a call.
 */
export type CcpConnectionStatus = 'starting' | 'connected' | 'unreachable' | 'signed_out' | 'gave_up' | 'origin_violation';

export interface CcpHealth {
  status: CcpConnectionStatus;
  lastAckAt: number | null;
  startedAt: number;
}

export type CcpHealthEvent =
  | { type: 'ack'; at: number }
  | { type: 'tick'; at: number }
  | { type: 'auth_fail'; at: number }
  | { type: 'retries_exhausted'; at: number }
  /** The CCP frame held a document from another origin; the frame has been torn down. */
  | { type: 'origin_violation'; at: number };

/** Silence longer than this after a first acknowledgement means the CCP stopped answering. */
export const ACK_SILENCE_LIMIT_MS = 6_000;
/** A CCP that never acknowledges within this is unreachable (or needs a sign-in). */
export const FIRST_ACK_LIMIT_MS = 15_000;

export function initialCcpHealth(now: number): CcpHealth {
  return { status: 'starting', lastAckAt: null, startedAt: now };
}

export function nextCcpHealth(health: CcpHealth, event: CcpHealthEvent): CcpHealth {
  // Terminal: the frame is gone and nothing it (or a successor) says is trusted again in this page.
  if (health.status === 'origin_violation') return health;
  switch (event.type) {
    case 'origin_violation':
      return { ...health, status: 'origin_violation' };
    case 'ack':
      return { ...health, status: 'connected', lastAckAt: event.at };
    case 'auth_fail':
      return { ...health, status: 'signed_out' };
    case 'retries_exhausted':
      return { ...health, status: 'gave_up' };
    case 'tick': {
      if (health.status === 'gave_up' || health.status === 'signed_out') return health;
      const silentSince = health.lastAckAt ?? health.startedAt;
      const limit = health.lastAckAt === null ? FIRST_ACK_LIMIT_MS : ACK_SILENCE_LIMIT_MS;
      if (event.at - silentSince > limit) return { ...health, status: 'unreachable' };
      return health;
    }
  }
}

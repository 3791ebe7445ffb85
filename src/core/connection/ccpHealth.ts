/**
 * Whether the embedded CCP is answering. Streams sends a synchronize every second and the CCP
 * acknowledges it; when acknowledgements stop, the agent must be told before they miss a call.
 */
export type CcpConnectionStatus = 'starting' | 'connected' | 'unreachable' | 'signed_out' | 'gave_up' | 'origin_violation' | 'not_approved';

/**
 * Why the instance refused to be framed: its approved origins lack the extension
 * (`frame_ancestors`), or something in front of it sends X-Frame-Options. Not an outage: retrying
 * cannot help until IT changes the instance.
 */
export type FramingRefusal = { by: 'frame_ancestors' } | { by: 'x_frame_options'; value: 'DENY' | 'SAMEORIGIN' };

export interface CcpHealth {
  status: CcpConnectionStatus;
  lastAckAt: number | null;
  startedAt: number;
  /** Set while the status is `not_approved`. */
  refusal?: FramingRefusal;
}

export type CcpHealthEvent =
  | { type: 'ack'; at: number }
  | { type: 'tick'; at: number }
  | { type: 'auth_fail'; at: number }
  | { type: 'retries_exhausted'; at: number }
  /** The CCP frame held a document from another origin; the frame has been torn down. */
  | { type: 'origin_violation'; at: number }
  /** The CCP page's own headers forbid this extension to frame it (see framingVerdict.ts). */
  | { type: 'framing_refused'; at: number; refusal: FramingRefusal }
  /** Asked directly, the instance did not answer or answered with a server error. */
  | { type: 'instance_down'; at: number };

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
      return { status: 'connected', lastAckAt: event.at, startedAt: health.startedAt };
    case 'auth_fail':
      return withoutRefusal(health, 'signed_out');
    case 'framing_refused':
      // An answering CCP was framed after all (a probe raced a late acknowledgement).
      if (health.status === 'connected') return health;
      return { ...health, status: 'not_approved', refusal: event.refusal };
    case 'instance_down':
      return health.status === 'connected' || health.status === 'signed_out' || health.status === 'gave_up' ? health : withoutRefusal(health, 'unreachable');
    case 'retries_exhausted':
      // Giving up says less than the refusal does: the refusal stays on screen.
      return health.status === 'not_approved' ? health : { ...health, status: 'gave_up' };
    case 'tick': {
      if (health.status === 'gave_up' || health.status === 'signed_out' || health.status === 'not_approved') return health;
      const silentSince = health.lastAckAt ?? health.startedAt;
      const limit = health.lastAckAt === null ? FIRST_ACK_LIMIT_MS : ACK_SILENCE_LIMIT_MS;
      if (event.at - silentSince > limit) return { ...health, status: 'unreachable' };
      return health;
    }
  }
}

function withoutRefusal(health: CcpHealth, status: CcpConnectionStatus): CcpHealth {
  return { status, lastAckAt: health.lastAckAt, startedAt: health.startedAt };
}

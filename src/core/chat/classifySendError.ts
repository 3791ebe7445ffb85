/** Why a send did not reach the participant service, as the agent must hear it. */
export type SendProblem = 'failed' | 'expired' | 'offline' | 'unavailable';

/**
 * chatjs rejects with `{type, message, statusCode}` from the service, or with a string when it
 * has no active connection. A 403 means the connection token is no longer valid.
 */
export function classifySendError(error: unknown): SendProblem {
  if (typeof error === 'string') return /no active connection/i.test(error) ? 'offline' : 'failed';
  if (typeof error !== 'object' || error === null) return 'failed';
  const { type, statusCode } = error as { type?: unknown; statusCode?: unknown };
  if (statusCode === 403 || type === 'AccessDeniedException') return 'expired';
  if (type === 'TypeError' || type === 'NetworkError') return 'offline';
  return 'failed';
}

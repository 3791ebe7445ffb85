import { isWorkerRequestName, type PayloadOf, type WorkerRequestName } from './workerRequests.ts';

/**
 * The wire format of the channel. A request carries the channel's name so the worker ignores
 * any other runtime message; a reply is either the response or a typed refusal.
 */
export const WORKER_CHANNEL = 'connect-shield/worker';

export interface WorkerRequestMessage<Name extends WorkerRequestName = WorkerRequestName> {
  channel: typeof WORKER_CHANNEL;
  request: Name;
  payload: PayloadOf<Name>;
}

/** Why the worker did not answer with a response. */
type WorkerRefusal =
  /** The sender is not one of this extension's own pages. */
  | 'refused'
  /** The request name is not in the contract. */
  | 'unknown-request'
  /** The payload does not fit the request's parser. */
  | 'invalid-payload'
  /** The handler threw; the worker logs nothing of the payload. */
  | 'failed'
  /** The sender may not have this answer (the audit view to a desk whose signed-in user is not a supervisor). */
  | 'not-permitted';

export type WorkerReply = { ok: true; response: unknown } | { ok: false; refusal: WorkerRefusal };

/** What a page gets: the typed response, or why there is none. */
type WorkerError = WorkerRefusal | 'worker-unavailable' | 'invalid-response';
export type WorkerResult<Response> = { ok: true; response: Response } | { ok: false; error: WorkerError };

export function workerRequestMessage<Name extends WorkerRequestName>(request: Name, payload: PayloadOf<Name>): WorkerRequestMessage<Name> {
  return { channel: WORKER_CHANNEL, request, payload };
}

/** A runtime message that claims to be on this channel: the request name is checked, the payload is not yet. */
export function readWorkerRequest(message: unknown): { request: WorkerRequestName; payload: unknown } | { request: null } | null {
  if (typeof message !== 'object' || message === null) return null;
  const { channel, request, payload } = message as Record<string, unknown>;
  if (channel !== WORKER_CHANNEL) return null;
  return isWorkerRequestName(request) ? { request, payload } : { request: null };
}

const REFUSALS: ReadonlySet<string> = new Set<WorkerRefusal>(['refused', 'unknown-request', 'invalid-payload', 'failed', 'not-permitted']);

/** The page's reading of a reply; `parseResponse` is the request's own. */
export function readWorkerReply<Response>(reply: unknown, parseResponse: (value: unknown) => Response | null): WorkerResult<Response> {
  if (typeof reply !== 'object' || reply === null) return { ok: false, error: 'invalid-response' };
  const { ok, response, refusal } = reply as Record<string, unknown>;
  if (ok === true) {
    const parsed = parseResponse(response);
    return parsed === null ? { ok: false, error: 'invalid-response' } : { ok: true, response: parsed };
  }
  if (ok === false && typeof refusal === 'string' && REFUSALS.has(refusal)) return { ok: false, error: refusal as WorkerRefusal };
  return { ok: false, error: 'invalid-response' };
}

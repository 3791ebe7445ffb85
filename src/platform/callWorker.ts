import { readWorkerReply, workerRequestMessage, type WorkerResult } from '../core/messaging/workerMessages.ts';
import { WORKER_REQUESTS, type PayloadOf, type ResponseOf, type WorkerRequestName } from '../core/messaging/workerRequests.ts';

/**
 * The page side of the channel: the only place a page sends a runtime message. Never throws:
 * the result is the request's typed response, or a typed error — `worker-unavailable` when
 * Chrome could not deliver it (worker failed to start, extension reloaded), `invalid-response`
 * when the reply does not fit the contract, or the worker's own refusal.
 */
export async function callWorker<Name extends WorkerRequestName>(request: Name, payload: PayloadOf<Name>): Promise<WorkerResult<ResponseOf<Name>>> {
  let reply: unknown;
  try {
    reply = await chrome.runtime.sendMessage(workerRequestMessage(request, payload));
  } catch {
    return { ok: false, error: 'worker-unavailable' };
  }
  const parseResponse = WORKER_REQUESTS[request].parseResponse as (value: unknown) => ResponseOf<Name> | null;
  return readWorkerReply(reply, parseResponse);
}

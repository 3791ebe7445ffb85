import { readWorkerRequest, type WorkerReply } from '../core/messaging/workerMessages.ts';
import { markStartup } from './startupMarks.ts';
import { WORKER_REQUESTS, type PayloadOf, type ResponseOf, type WorkerRequestName } from '../core/messaging/workerRequests.ts';

/** What the worker does for each request of the contract; one handler per entry, checked by the type. */
export type WorkerHandlers = {
  [Name in WorkerRequestName]: (payload: PayloadOf<Name>) => Promise<ResponseOf<Name>>;
};

export interface SenderInfo {
  id?: string;
  url?: string;
}

export interface WorkerRouter {
  /** The reply to a runtime message, or null when the message is not on this channel (left to others). */
  handle(message: unknown, sender: SenderInfo): Promise<WorkerReply> | null;
}

/**
 * The one router. Every request goes through, in order: the sender check (only this extension's
 * own pages), the contract's name and payload parser, the start-up barrier (a woken worker
 * answers only once it has read its storage and installed its rules), then the handler.
 */
export function createWorkerRouter(options: {
  handlers: WorkerHandlers;
  isAllowedSender(sender: SenderInfo): boolean;
  /** Settles when start-up is done; handlers run only after it (also if start-up failed: they then see what storage holds). */
  ready: Promise<unknown>;
  /** Where a failing handler is noted: the request name only, never the payload. */
  onHandlerError?(request: WorkerRequestName, error: unknown): void;
}): WorkerRouter {
  const { handlers, isAllowedSender, ready, onHandlerError } = options;
  const settled = ready.then(
    () => undefined,
    () => undefined,
  );

  const run = async <Name extends WorkerRequestName>(request: Name, rawPayload: unknown): Promise<WorkerReply> => {
    const parsePayload = WORKER_REQUESTS[request].parsePayload as (value: unknown) => PayloadOf<Name> | null;
    const payload = parsePayload(rawPayload);
    if (payload === null) return { ok: false, refusal: 'invalid-payload' };
    await settled;
    const handler = handlers[request] as (payload: PayloadOf<Name>) => Promise<ResponseOf<Name>>;
    try {
      return { ok: true, response: await handler(payload) };
    } catch (error) {
      onHandlerError?.(request, error);
      return { ok: false, refusal: 'failed' };
    }
  };

  return {
    handle(message, sender) {
      const read = readWorkerRequest(message);
      if (read === null) return null;
      if (!isAllowedSender(sender)) return Promise.resolve({ ok: false, refusal: 'refused' });
      if (read.request === null) return Promise.resolve({ ok: false, refusal: 'unknown-request' });
      return run(read.request, read.payload);
    },
  };
}

/**
 * Attaches the router to `chrome.runtime.onMessage`. Call it synchronously in the worker's first
 * turn: Chrome delivers the message that woke a stopped worker only to listeners added then.
 */
export function listenForWorkerRequests(router: WorkerRouter): void {
  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const reply = router.handle(message, sender);
    if (reply === null) return false;
    void reply.then((answer) => {
      markStartup('answered');
      sendResponse(answer);
    });
    return true;
  });
}

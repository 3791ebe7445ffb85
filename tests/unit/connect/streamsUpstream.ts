import type { StreamsGlobal } from './realStreams.ts';

/** One request the real Streams sent to the CCP (`api_request`), as it went on the conduit. */
export interface UpstreamRequest {
  method: string;
  params: Record<string, unknown>;
}

/** How the stand-in CCP answers a request: Streams calls `failure` when `err` is set, `success` otherwise. */
export type UpstreamAnswer = (request: UpstreamRequest) => { data?: unknown; err?: unknown };

export interface RecordedUpstream {
  /** Every `api_request` in the order Streams sent it. */
  readonly requests: UpstreamRequest[];
  /** Every other upstream event (websocket subscriptions, broadcasts), by name. */
  readonly events: { event: string; data: unknown }[];
  answerWith(answer: UpstreamAnswer): void;
  /** An event from the CCP down to the page (`webSocket::all_message`, `agent::update`, …). */
  fromCcp(event: string, data: unknown): void;
}

interface ConduitStream {
  send(message: { event: string; data: unknown }): void;
  onMessage(listener: (message: { data: unknown }) => void): void;
}

interface StreamsInternals {
  Conduit: new (name: string, upstream: ConduitStream, downstream: null) => { onAllUpstream(listener: unknown): void };
  UpstreamConduitClient: new (conduit: unknown) => unknown;
  WebSocketProvider: new () => unknown;
  MediaFactory: new (params: Record<string, unknown>) => unknown;
  core: { upstream: unknown; client: unknown; webSocketProvider: unknown; mediaFactory: unknown; getEventBus(): { bridge(): unknown } };
}

/**
 * Puts a stand-in CCP at the far end of the real Streams' upstream conduit, as `connect.core.initCCP`
 * wires the iframe's: Streams' own UpstreamConduitClient sends every API call over it, its own
 * WebSocketProvider proxies the agent websocket through it (chatjs' agent sessions use that), and
 * its own MediaFactory makes chat media controllers. What goes up is recorded; answers come back
 * on the next microtask, as the conduit's postMessage would deliver them later.
 */
export function connectUpstream(api: StreamsGlobal, answer: UpstreamAnswer = () => ({ data: {} })): RecordedUpstream {
  const internals = api as unknown as StreamsInternals;
  const listeners: ((message: { data: unknown }) => void)[] = [];
  let current = answer;
  const deliver = (event: string, data: unknown) => {
    for (const listener of listeners) listener({ data: { event, data } });
  };
  const recorded: RecordedUpstream = {
    requests: [],
    events: [],
    answerWith(next) {
      current = next;
    },
    fromCcp: deliver,
  };
  const stream: ConduitStream = {
    send({ event, data }) {
      if (event !== 'api_request') {
        recorded.events.push({ event, data });
        return;
      }
      const { requestId, method, params } = data as { requestId: string; method: string; params: Record<string, unknown> | null };
      const request = { method, params: params ?? {} };
      recorded.requests.push(request);
      const { data: response = null, err = null } = current(request);
      void Promise.resolve().then(() => deliver('api_response', { event: 'api_response', requestId, data: response, err }));
    },
    onMessage(listener) {
      listeners.push(listener);
    },
  };
  const conduit = new internals.Conduit('unit-test CCP', stream, null);
  conduit.onAllUpstream(internals.core.getEventBus().bridge());
  internals.core.upstream = conduit;
  internals.core.client = new internals.UpstreamConduitClient(conduit);
  internals.core.webSocketProvider = new internals.WebSocketProvider();
  internals.core.mediaFactory = new internals.MediaFactory({});
  return recorded;
}

// The CCP side of Streams' IFrameConduit (protocol doc A.2–A.9): every message is
// {event, data} posted to window.parent, and only messages from window.parent are read.

import { reviveDates } from './reviveDates.ts';
import { isRecord } from './serverLink.ts';
import type { ServerLink } from './serverLink.ts';

export interface Conduit {
  agentUpdate(agentData: unknown): void;
  chatItem(item: unknown): void;
  authFail(): void;
  /** The agent websocket drops or comes back, as Streams reports it to chatjs. */
  chatSocket(up: boolean): void;
  setUnresponsive(on: boolean): void;
  /** The worker's echo of the mute broadcast to every tab, and the softphone's answer. */
  muted(muted: boolean): void;
}

export function openConduit(link: ServerLink): Conduit {
  const parentWindow = window.parent;
  const portId = `emulated-ccp-${crypto.randomUUID()}`;
  let unresponsive = false;
  // Like the real worker, answer an API call before relaying the snapshot it caused: Streams
  // fires contact::accepted from the answer and expects it before contact::connected.
  let callsInFlight = 0;
  const heldSnapshots: unknown[] = [];
  const send = (event: string, data?: unknown): void => {
    if (!unresponsive) parentWindow.postMessage({ event, data }, '*');
  };

  const handleApiRequest = async (request: Record<string, unknown>): Promise<void> => {
    const method = typeof request.method === 'string' ? request.method : '';
    callsInFlight += 1;
    const { data, err } = await link.callApi(method, request.params);
    send('api_response', { event: 'api_response', requestId: request.requestId, data, err });
    callsInFlight -= 1;
    if (callsInFlight === 0) for (const snapshot of heldSnapshots.splice(0)) send('agent::update', snapshot);
  };

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parentWindow || unresponsive) return;
    const message: unknown = event.data;
    if (!isRecord(message) || typeof message.event !== 'string') return;
    const data = message.data;
    switch (message.event) {
      case 'synchronize':
        send('acknowledge', { id: portId });
        break;
      case 'api_request':
        if (isRecord(data)) void handleApiRequest(data);
        break;
      case 'broadcast':
        // The real worker sends every broadcast down to all tabs; Streams relies on it
        // (contact::accepted, mute, device selection).
        // Mute goes through the server, which plays the shared worker for every open tab.
        if (isRecord(data) && data.event === 'mute') void link.callApi('broadcast', { event: 'mute', data: data.data });
        else if (isRecord(data) && typeof data.event === 'string') send(data.event, data.data);
        break;
      case 'master_request':
        if (isRecord(data)) {
          const topic = isRecord(data.params) ? data.params.topic : undefined;
          send('master_response', {
            event: 'master_response',
            requestId: data.requestId,
            data: { masterId: portId, isMaster: true, takeOver: false, topic },
            err: null,
          });
        }
        break;
      case 'webSocket::subscribe':
        send('webSocket::subscription_update', { topic: 'aws/subscribe', content: { status: 'success', topics: data } });
        break;
      default:
        // configure, outer_context_info, iframe_style, tab_id, logs…: nothing to do.
        break;
    }
  });

  // Streams waits for this unsolicited ACK; the first one must carry {id}.
  send('acknowledge', { id: portId });
  send('webSocket::connection_gain');

  return {
    agentUpdate: (agentData) => {
      const snapshot = reviveDates(agentData);
      if (callsInFlight > 0) heldSnapshots.push(snapshot);
      else send('agent::update', snapshot);
    },
    chatItem: (item) => send('webSocket::all_message', { topic: 'aws/chat', contentType: 'application/json', content: JSON.stringify(item) }),
    authFail: () => send('auth_fail'),
    muted: (muted) => {
      send('mute', { mute: muted });
      send('agent::mute_toggle', { muted });
    },
    chatSocket: (up) => send(up ? 'webSocket::connection_gain' : 'webSocket::connection_lost'),
    setUnresponsive: (on) => {
      unresponsive = on;
    },
  };
}

// The page's link to the emulator server: it holds no state of its own, so a page that
// Streams reloads carries on with the server's state.

import { PAGE_API_PATH, PAGE_STREAM_PATH, PageEvent } from '../shared/pageProtocol.ts';
import type { PageApiResponse } from '../shared/pageProtocol.ts';

interface ChatPush {
  readonly contactId: string;
  readonly item: unknown;
}

export interface ServerLinkHandlers {
  readonly snapshot: (agentData: unknown) => void;
  readonly chat: (push: ChatPush) => void;
  readonly authFail: () => void;
  readonly unresponsive: (on: boolean) => void;
  readonly mute: (muted: boolean) => void;
  readonly transcripts: (transcripts: Record<string, unknown[]>) => void;
  readonly chatSocket: (up: boolean) => void;
}

export interface ServerLink {
  callApi(method: string, params: unknown): Promise<PageApiResponse>;
}

export function connectToServer(handlers: ServerLinkHandlers): ServerLink {
  const events = new EventSource(PAGE_STREAM_PATH);
  const listen = (name: string, handle: (data: unknown) => void): void => {
    events.addEventListener(name, (event) => {
      if (event instanceof MessageEvent && typeof event.data === 'string') handle(JSON.parse(event.data) as unknown);
    });
  };
  listen(PageEvent.snapshot, handlers.snapshot);
  listen(PageEvent.chat, (data) => {
    if (isRecord(data) && typeof data.contactId === 'string') handlers.chat({ contactId: data.contactId, item: data.item });
  });
  listen(PageEvent.authFail, () => handlers.authFail());
  listen(PageEvent.chatSocket, (data) => handlers.chatSocket(isRecord(data) && data.up === true));
  listen(PageEvent.unresponsive, (data) => handlers.unresponsive(isRecord(data) && data.unresponsive === true));
  listen(PageEvent.mute, (data) => handlers.mute(isRecord(data) && data.muted === true));
  listen(PageEvent.transcripts, (data) => {
    if (!isRecord(data)) return;
    handlers.transcripts(Object.fromEntries(Object.entries(data).map(([contactId, items]) => [contactId, Array.isArray(items) ? items : []])));
  });

  return {
    async callApi(method, params) {
      try {
        const response = await fetch(PAGE_API_PATH, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ method, params: params ?? null }),
        });
        const body: unknown = await response.json();
        if (isRecord(body) && 'data' in body) return { data: body.data, err: body.err ?? null };
        return { data: null, err: { type: 'EmulatorError', message: `HTTP ${response.status}` } };
      } catch (error) {
        return { data: null, err: { type: 'NetworkError', message: String(error) } };
      }
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

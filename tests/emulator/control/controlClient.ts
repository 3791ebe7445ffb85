// A small typed client of the control API, for tests, the demo and the CLI preview.

import type { EmulatorLog } from '../model/types.ts';
import type { ContactView, StateView } from './stateView.ts';

interface AgentUpdate {
  readonly username?: string;
  readonly name?: string;
  readonly routingProfile?: string;
  readonly permissions?: readonly string[];
  readonly state?: string;
}

interface ContactRequest {
  readonly contactId?: string;
  readonly type: 'voice' | 'chat';
  readonly caller?: string;
  readonly customerName?: string;
  readonly queue?: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly initialState?: 'connecting' | 'incoming';
  /** A supervisor monitoring: Streams gets no attributes for this contact. */
  readonly monitoring?: boolean;
}

type ContactStateRequest = 'connected' | 'missed' | 'ended' | 'rejected' | 'error' | 'on_hold';

interface CustomerMessageRequest {
  readonly text?: string;
  readonly contentType?: 'text/plain' | 'text/markdown' | 'application/vnd.amazonaws.connect.message.interactive';
  readonly displayName?: string;
  /** An interactive message's template object (instead of `text`). */
  readonly content?: unknown;
}

interface CustomerAttachmentRequest {
  readonly name: string;
  readonly contentType: string;
  readonly text?: string;
  readonly base64?: string;
  readonly displayName?: string;
}

type ParticipantEventRequest = {
  readonly event: 'joined' | 'left' | 'transferred' | 'transferFailed' | 'idle' | 'returned';
  readonly role?: 'customer' | 'agent' | 'system';
  readonly displayName?: string;
};

interface ConfigRequest {
  readonly approvedOrigins?: readonly string[];
  readonly redirectCcpTo?: string | null;
  /** Sends X-Frame-Options instead of frame-ancestors; null goes back to frame-ancestors. */
  readonly xFrameOptions?: 'DENY' | 'SAMEORIGIN' | null;
}

/** A non-2xx answer of the control API; `message` is the API's error sentence. */
export class ControlApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ControlApiError';
    this.status = status;
  }
}

export interface EmulatorControl {
  readonly url: string;
  state(): Promise<StateView>;
  contact(contactId: string): Promise<ContactView | undefined>;
  log(): Promise<EmulatorLog>;
  setAgent(update: AgentUpdate): Promise<StateView['agent']>;
  addContact(request: ContactRequest): Promise<string>;
  updateAttributes(contactId: string, attributes: Readonly<Record<string, string | null>>): Promise<Record<string, string>>;
  setContactState(contactId: string, state: ContactStateRequest): Promise<void>;
  accept(contactId: string): Promise<void>;
  end(contactId: string): Promise<void>;
  clear(contactId: string): Promise<void>;
  /** A third party the agent called picks up (the first one still ringing unless named). */
  thirdPartyAnswers(contactId: string, connectionId?: string): Promise<void>;
  /** A third party hangs up (the last one added unless named). */
  thirdPartyLeaves(contactId: string, connectionId?: string): Promise<void>;
  sendCustomerMessage(contactId: string, message: CustomerMessageRequest): Promise<{ id: string; absoluteTime: string }>;
  customerTyping(contactId: string): Promise<void>;
  participantEvent(contactId: string, event: ParticipantEventRequest): Promise<void>;
  customerLeaves(contactId: string): Promise<void>;
  sendCustomerAttachment(contactId: string, file: CustomerAttachmentRequest): Promise<{ attachmentId: string; size: number }>;
  /** The next `count` agent sends (messages, attachment uploads) fail with a server error or an expired token. */
  failChatSends(count: number, error?: 'server' | 'expired'): Promise<void>;
  /** Drops (false) or restores (true) the agent's chat websocket. */
  setChatWebsocket(up: boolean): Promise<void>;
  authFail(): Promise<{ pages: number }>;
  setUnresponsive(on: boolean): Promise<void>;
  /** The next `count` (default 1) Streams requests of `method` fail, as Connect would refuse them. */
  failApiRequests(method: string, count?: number): Promise<void>;
  configure(config: ConfigRequest): Promise<StateView['config']>;
  reset(): Promise<void>;
}

export function emulatorControl(controlUrl: string): EmulatorControl {
  const base = controlUrl.replace(/\/$/, '');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`${base}${path}`, init);
    const payload: unknown = await response.json();
    if (!response.ok) {
      const message = typeof payload === 'object' && payload !== null && 'error' in payload ? String(payload.error) : response.statusText;
      throw new ControlApiError(response.status, message);
    }
    return payload as T;
  };
  const contactPath = (id: string, suffix = ''): string => `/contacts/${encodeURIComponent(id)}${suffix}`;
  return {
    url: base,
    state: () => call<StateView>('GET', '/state'),
    contact: async (id) => (await call<StateView>('GET', '/state')).contacts.find((c) => c.contactId === id),
    log: () => call<EmulatorLog>('GET', '/log'),
    setAgent: (update) => call<StateView['agent']>('PUT', '/agent', update),
    addContact: async (request) => (await call<{ contactId: string }>('POST', '/contacts', request)).contactId,
    updateAttributes: async (id, attributes) =>
      (await call<{ attributes: Record<string, string> }>('PATCH', contactPath(id, '/attributes'), { attributes })).attributes,
    setContactState: async (id, state) => {
      await call('POST', contactPath(id, '/state'), { state });
    },
    accept: async (id) => {
      await call('POST', contactPath(id, '/accept'));
    },
    end: async (id) => {
      await call('POST', contactPath(id, '/end'));
    },
    clear: async (id) => {
      await call('DELETE', contactPath(id));
    },
    thirdPartyAnswers: async (id, connectionId) => {
      await call('POST', contactPath(id, '/third-party/answer'), connectionId ? { connectionId } : {});
    },
    thirdPartyLeaves: async (id, connectionId) => {
      await call('POST', contactPath(id, '/third-party/leave'), connectionId ? { connectionId } : {});
    },
    sendCustomerMessage: (id, message) => call<{ id: string; absoluteTime: string }>('POST', contactPath(id, '/messages'), message),
    customerTyping: async (id) => {
      await call('POST', contactPath(id, '/typing'));
    },
    participantEvent: async (id, event) => {
      await call('POST', contactPath(id, '/participant-events'), event);
    },
    customerLeaves: async (id) => {
      await call('POST', contactPath(id, '/leave'));
    },
    sendCustomerAttachment: (id, file) => call<{ attachmentId: string; size: number }>('POST', contactPath(id, '/attachments'), file),
    failChatSends: async (count, error = 'server') => {
      await call('POST', '/faults/chat-send', { count, error });
    },
    setChatWebsocket: async (up) => {
      await call('POST', '/faults/chat-websocket', { up });
    },
    authFail: () => call<{ pages: number }>('POST', '/faults/auth-fail'),
    setUnresponsive: async (on) => {
      await call('POST', '/faults/unresponsive', { on });
    },
    failApiRequests: async (method, count = 1) => {
      await call('POST', '/faults/api', { method, count });
    },
    configure: (config) => call<StateView['config']>('PUT', '/config', config),
    reset: async () => {
      await call('POST', '/reset');
    },
  };
}

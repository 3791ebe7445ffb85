/**
 * A stand-in for the parts of the Streams global the feeds use, so their wiring (and their
 * dispose) is tested without a browser. Counts live subscriptions so a test can see them removed.
 * The feeds are tested on the real Streams and chatjs too (`*OnStreams.test.ts`); this stays for
 * what those cannot drive cheaply (dozens of chats opened and released), and copies what they
 * showed the real libraries do.
 */
export interface FakeContactSpec {
  contactId: string;
  type: 'voice' | 'chat';
  state: string;
  agentConnectionState?: string;
  callerNumber?: string;
  attributes?: Record<string, string>;
  chat?: FakeChatSession;
}

class FakeChatConnection {
  constructor(
    readonly state: string,
    readonly session: FakeChatSession | undefined,
  ) {}
  getStatus() {
    return { type: this.state };
  }
  getType() {
    return 'agent';
  }
  getMediaController(): Promise<FakeChatSession> {
    const session = this.session;
    if (!session) return Promise.reject(new Error('no chat'));
    // Real chatjs announces CONNECTION_ESTABLISHED once connected, on a timer (its pubsub's
    // triggerAsync) that runs after the session is handed out (tests/unit/connect/chatFeedOnStreams.test.ts).
    setTimeout(() => session.link('established'), 0);
    return Promise.resolve(session);
  }
  destroy() {}
}

export class FakeChatSession {
  private handlers: ((event: { data: unknown }) => void)[] = [];
  readonly linkHandlers: Record<'lost' | 'broken' | 'established' | 'ended', (() => void)[]> = { lost: [], broken: [], established: [], ended: [] };
  sent: string[] = [];
  events: string[] = [];
  /** The next sendMessage rejects with this (as chatjs does), then sends work again. */
  failNext: unknown = null;
  /**
   * `keepsHandlers`: clean-up takes nothing back, as when Streams' cache and chatjs' websocket
   * subscription keep a session (and what its handlers reach) after its contact left.
   */
  constructor(
    private readonly transcript: unknown[] = [],
    private readonly keepsHandlers = false,
  ) {}
  onMessage(handler: (event: { data: unknown }) => void) {
    this.handlers.push(handler);
  }
  private typingHandlers: ((event: { data: unknown }) => void)[] = [];
  onTyping(handler: (event: { data: unknown }) => void) {
    this.typingHandlers.push(handler);
  }
  onParticipantIdle(handler: (event: { data: unknown }) => void) {
    this.otherHandlers.push(handler);
  }
  onParticipantReturned(handler: (event: { data: unknown }) => void) {
    this.otherHandlers.push(handler);
  }
  private otherHandlers: ((event: { data: unknown }) => void)[] = [];
  /** Handlers chatjs would still call. */
  get handlerCount(): number {
    return (
      this.handlers.length +
      this.typingHandlers.length +
      this.otherHandlers.length +
      Object.values(this.linkHandlers).reduce((sum, list) => sum + list.length, 0)
    );
  }
  /** chatjs' AgentChatSession clean-up: every handler dropped. */
  cleanUpOnParticipantDisconnect() {
    if (this.keepsHandlers) return;
    this.handlers = [];
    this.typingHandlers = [];
    this.otherHandlers = [];
    for (const list of Object.values(this.linkHandlers)) list.length = 0;
  }
  typing(item: unknown) {
    this.typingHandlers.forEach((handler) => handler({ data: item }));
  }
  onConnectionLost(handler: () => void) {
    this.linkHandlers.lost.push(handler);
  }
  onConnectionBroken(handler: () => void) {
    this.linkHandlers.broken.push(handler);
  }
  onConnectionEstablished(handler: () => void) {
    this.linkHandlers.established.push(handler);
  }
  onEnded(handler: () => void) {
    this.linkHandlers.ended.push(handler);
  }
  sendEvent({ contentType }: { contentType: string }) {
    this.events.push(contentType);
    return Promise.resolve({});
  }
  link(kind: 'lost' | 'broken' | 'established' | 'ended') {
    this.linkHandlers[kind].forEach((handler) => handler());
  }
  addToTranscript(item: unknown) {
    this.transcript.push(item);
  }
  getTranscript() {
    return Promise.resolve({ data: { Transcript: this.transcript } });
  }
  sendMessage({ message }: { message: string }) {
    if (this.failNext !== null) {
      const error = this.failNext;
      this.failNext = null;
      // chatjs rejects with plain objects and strings, not Errors; the fake does the same.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error);
    }
    this.sent.push(message);
    return Promise.resolve({});
  }
  receive(item: unknown) {
    this.handlers.forEach((handler) => handler({ data: item }));
  }
}

export interface StreamsCall {
  method: string;
  contactId?: string;
  argument?: unknown;
}

export class FakeStreams {
  readonly calls: StreamsCall[] = [];
  private initCallbacks = new Set<(agent: connect.Agent) => void>();
  private refreshCallbacks = new Set<(agent: connect.Agent) => void>();
  private contacts: FakeContactSpec[] = [];
  readonly ChatConnection = FakeChatConnection as unknown as typeof connect.ChatConnection;
  readonly Endpoint = { byPhoneNumber: (phoneNumber: string) => ({ type: 'phone_number', phoneNumber }) } as unknown as typeof connect.Endpoint;

  get liveSubscriptions(): number {
    return this.initCallbacks.size + this.refreshCallbacks.size;
  }

  readonly agent = ((callback: (agent: connect.Agent) => void) => {
    this.initCallbacks.add(callback);
    return { unsubscribe: () => this.initCallbacks.delete(callback) };
  }) as unknown as typeof connect.agent;

  /** The first snapshot (agent::init), then later ones (agent::refresh). */
  push(contacts: FakeContactSpec[]): void {
    const first = this.contacts.length === 0 && !this.started;
    this.contacts = contacts;
    const agent = this.agentObject();
    if (first) {
      this.started = true;
      [...this.initCallbacks].forEach((callback) => callback(agent));
    }
    [...this.refreshCallbacks].forEach((callback) => callback(agent));
  }

  private started = false;

  private agentObject(): connect.Agent {
    const record = (method: string, contactId?: string, argument?: unknown) => this.calls.push({ method, contactId, argument });
    const agent = {
      getContacts: () => this.contacts.map((spec) => this.contactObject(spec, record)),
      // Streams hands out each state with its ARN, and sends the whole state back in putAgentState.
      getAgentStates: () => [
        { name: 'Available', type: 'routable', agentStateARN: 'arn:aws:connect:ap-northeast-1:123456789012:instance/i/agent-state/available' },
      ],
      setState: (state: { name: string }) => record('setState', undefined, state.name),
      onRefresh: (callback: (agent: connect.Agent) => void) => {
        this.refreshCallbacks.add(callback);
        return { unsubscribe: () => this.refreshCallbacks.delete(callback) };
      },
    };
    return agent as unknown as connect.Agent;
  }

  private contactObject(spec: FakeContactSpec, record: (method: string, contactId?: string) => void): connect.Contact {
    const agentConnection =
      spec.type === 'chat'
        ? new FakeChatConnection(spec.agentConnectionState ?? 'connected', spec.chat)
        : {
            getStatus: () => ({ type: spec.agentConnectionState ?? 'connected' }),
            getType: () => 'agent',
            destroy: () => record('destroyConnection', spec.contactId),
          };
    const initial = { getType: () => 'inbound', getEndpoint: () => ({ phoneNumber: spec.callerNumber ?? '' }) };
    const contact = {
      getContactId: () => spec.contactId,
      getType: () => spec.type,
      getStatus: () => ({ type: spec.state, timestamp: new Date(1_000) }),
      getAgentConnection: () => agentConnection,
      getInitialConnection: () => initial,
      getConnections: () => [],
      getQueue: () => ({ name: 'Payments' }),
      getAttributes: () => Object.fromEntries(Object.entries(spec.attributes ?? {}).map(([name, value]) => [name, { name, value }])),
      accept: () => record('accept', spec.contactId),
      reject: () => record('reject', spec.contactId),
      clear: () => record('clear', spec.contactId),
    };
    return contact as unknown as connect.Contact;
  }
}

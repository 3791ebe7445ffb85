/// <reference types="amazon-connect-streams" />
/// <reference types="amazon-connect-chatjs" />
// The test embedding page: the real Streams and chatjs, bundled, driven through window.__embedder.
// Order matters: chatjs reads connect.version and attaches connect.ChatSession.
import 'amazon-connect-streams';
import 'amazon-connect-chatjs';
import type { EmbeddedChatMessage, TestEmbedderApi, TestEmbedderWindow } from '../testEmbedderApi.ts';

const connectApi: typeof connect = (globalThis as unknown as { connect: typeof connect }).connect;
const html = document.documentElement;
const ccpUrl = html.dataset.ccpUrl ?? '';
const query = new URLSearchParams(location.search);

const events: string[] = [];
const contactStates = new Map<string, string>();
const contacts = new Map<string, connect.Contact>();
const chats = new Map<string, EmbeddedChatMessage[]>();
const chatSessions = new Map<string, connect.AgentChatSession>();
let currentAgent: connect.Agent | null = null;

const container = document.getElementById('ccp');
if (!container) throw new Error('#ccp container missing');

connectApi.core.initCCP(container, {
  ccpUrl,
  loginPopup: false,
  region: html.dataset.region ?? 'us-west-2',
  ccpLoadTimeout: Number(query.get('ccpLoadTimeout') ?? '5000'),
  ccpAckTimeout: Number(query.get('ccpAckTimeout') ?? '3000'),
  loginOptions: { enableAckTimeout: query.get('enableAckTimeout') === '1' },
} as connect.InitCCPOptions);

const bus = connectApi.core.getEventBus();
bus.subscribe(connectApi.EventType.ACK_TIMEOUT, () => events.push('ack_timeout'));
bus.subscribe(connectApi.EventType.IFRAME_RETRIES_EXHAUSTED, () => events.push('iframe_retries_exhausted'));
bus.subscribe(connectApi.EventType.ACKNOWLEDGE, () => {
  if (events.at(-1) !== 'acknowledge') events.push('acknowledge');
});
connectApi.core.onInitialized(() => events.push('init'));
connectApi.core.onAuthFail(() => events.push('auth_fail'));

connectApi.agent((agent) => {
  currentAgent = agent;
  events.push('agent-init');
  agent.onRefresh((a) => {
    for (const c of a.getContacts()) contactStates.set(c.getContactId(), c.getState().type);
  });
});

connectApi.contact((contact) => {
  const id = contact.getContactId();
  contacts.set(id, contact);
  contactStates.set(id, contact.getState().type);
  events.push(`contact:${id}:init`);
  const mark = (name: string) => () => events.push(`contact:${id}:${name}`);
  contact.onIncoming(mark('incoming'));
  contact.onConnecting(mark('connecting'));
  contact.onAccepted(mark('accepted'));
  contact.onConnected(mark('connected'));
  contact.onMissed(mark('missed'));
  contact.onACW(mark('acw'));
  contact.onEnded(mark('ended'));
  contact.onDestroy(() => {
    contactStates.set(id, 'destroyed');
    events.push(`contact:${id}:destroyed`);
  });
});

function contactOf(contactId: string): connect.Contact {
  const contact = contacts.get(contactId);
  if (!contact) throw new Error(`Streams has not seen contact ${contactId}`);
  return contact;
}

function callbacks(resolve: () => void, reject: (reason: Error) => void): connect.SuccessFailOptions {
  return { success: () => resolve(), failure: (err) => reject(new Error(String(err))) };
}

function attributeValues(contact: connect.Contact): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, attribute] of Object.entries(contact.getAttributes())) if (attribute) values[name] = attribute.value;
  return values;
}

const api: TestEmbedderApi = {
  events,
  agentName: () => currentAgent?.getName() ?? null,
  agentState: () => currentAgent?.getState().name ?? null,
  contactState: (id) => contactStates.get(id) ?? null,
  contactAttributes: (id) => {
    const contact = contacts.get(id);
    return contact && contactStates.get(id) !== 'destroyed' ? attributeValues(contact) : null;
  },
  customerNumber: (id) => contacts.get(id)?.getInitialConnection().getEndpoint().phoneNumber ?? null,
  setAgentState: (name) =>
    new Promise((resolve, reject) => {
      const agent = currentAgent;
      const state = agent?.getAgentStates().find((s) => s.name === name);
      if (!agent || !state) return reject(new Error(`No agent state ${name}`));
      agent.setState(state, callbacks(resolve, reject));
    }),
  accept: (id) => new Promise((resolve, reject) => contactOf(id).accept(callbacks(resolve, reject))),
  hangUp: (id) =>
    new Promise((resolve, reject) => {
      const connection = contactOf(id).getAgentConnection();
      connection.destroy(callbacks(resolve, reject));
    }),
  clear: (id) => new Promise((resolve, reject) => contactOf(id).clear(callbacks(resolve, reject))),
  startChat: async (id) => {
    const connection = contactOf(id).getAgentConnection();
    if (!(connection instanceof connectApi.ChatConnection)) throw new Error(`Contact ${id} is not a chat`);
    const controller: unknown = await connection.getMediaController();
    const session = controller as connect.AgentChatSession;
    chatSessions.set(id, session);
    const messages: EmbeddedChatMessage[] = chats.get(id) ?? [];
    chats.set(id, messages);
    session.onMessage((event) => {
      const data = event.data;
      if (data.Type !== 'MESSAGE') return;
      messages.push({ role: String(data.ParticipantRole ?? ''), contentType: String(data.ContentType ?? ''), content: String(data.Content ?? '') });
    });
  },
  sendChat: async (id, text) => {
    const session = chatSessions.get(id);
    if (!session) throw new Error(`No chat session for ${id}; call startChat first`);
    await session.sendMessage({ contentType: 'text/plain', message: text });
  },
  chatMessages: (id) => [...(chats.get(id) ?? [])],
};

(window as TestEmbedderWindow).__embedder = api;
(window as TestEmbedderWindow).embedder = () => api;

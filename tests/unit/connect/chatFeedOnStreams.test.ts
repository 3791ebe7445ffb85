// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startChatFeed, type ChatFeed } from '../../../src/connect/chatFeed.ts';
import { chatTextMasker } from '../../../src/core/chat/chatTextMasker.ts';
import type { ChatMessageView } from '../../../src/core/chat/ChatMessageView.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';
import { standInParticipantService, type ParticipantCall, type RecordedParticipantService } from './participantService.ts';
import { deliverSnapshot, loadStreams, type StreamsGlobal } from './realStreams.ts';
import { connectUpstream, type RecordedUpstream } from './streamsUpstream.ts';

/**
 * The chat feed on the real amazon-connect-streams and amazon-connect-chatjs: a recorded chat
 * contact goes into Streams, the feed opens its session through the agent connection's media
 * controller (Streams' ChatMediaController → chatjs' AgentChatSession), chatjs fetches its token
 * with Streams' `createTransport`, reads the transcript from the participant service and receives
 * messages over Streams' websocket proxy, as `webSocket::all_message` from the CCP. Only the far
 * ends are stand-ins: the CCP at the conduit and the participant service at `fetch`.
 */
const RECORDED_AGENT_CONNECTION = '97d62a40-d2df-49e8-8c61-1ffbc1d1d8df';
const PARTICIPANT_TOKEN = 'ptok-085bc747-e478-4cb3-a681-807d26113e8c';
const CONNECTION_TOKEN = 'ctok-agent-1';
const CHAT_EVENT = {
  typing: 'application/vnd.amazonaws.connect.event.typing',
  ended: 'application/vnd.amazonaws.connect.event.chat.ended',
};

let api: StreamsGlobal;
let upstream: RecordedUpstream;
let service: RecordedParticipantService;
let transcript: Record<string, unknown>[] = [];
beforeAll(() => {
  api = loadStreams();
  // A token valid for an hour, as Connect hands one out: chatjs polls again shortly before it expires.
  upstream = connectUpstream(api, (request) =>
    request.method === 'createTransport'
      ? { data: { chatTokenTransport: { participantToken: CONNECTION_TOKEN, expiry: new Date(Date.now() + 3_600_000).toISOString() } } }
      : { data: {} },
  );
  service = standInParticipantService(answerFromTranscript);
});
afterAll(() => service.restore());

function answerFromTranscript(call: ParticipantCall): { body: unknown } {
  if (call.path === '/participant/transcript') return { body: { Transcript: transcript, NextToken: null } };
  return { body: { Id: `sent-${String(service.calls.length)}`, AbsoluteTime: '2026-12-02T01:00:09.000Z' } };
}

/** A transcript item as the participant service and the websocket carry it. */
const item = (contactId: string, id: string, content: string, role = 'CUSTOMER', contentType = 'text/plain') => ({
  Id: id,
  Type: contentType.startsWith('application/vnd.amazonaws.connect.event') ? 'EVENT' : 'MESSAGE',
  ContentType: contentType,
  Content: content,
  ParticipantId: role === 'CUSTOMER' ? 'customer-participant' : 'agent-participant',
  DisplayName: role === 'CUSTOMER' ? 'Hanako' : 'Ada Agent',
  ParticipantRole: role,
  AbsoluteTime: '2026-12-02T01:00:01.000Z',
  InitialContactId: contactId,
  ContactId: contactId,
});
/** What the CCP's websocket relays to the page for one chat item. */
const overWebsocket = (chatItem: object) => upstream.fromCcp('webSocket::all_message', { topic: 'aws/chat', content: JSON.stringify(chatItem) });

const masker = chatTextMasker(
  createMaskingEngine(applyDefaults({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2/' } }).masking, { defaultCountry: 'JP' }),
);
/** chatjs hands events on with a timer (its pubsub's triggerAsync) and the SDK answers over promises. */
const settle = async () => {
  for (let round = 0; round < 5; round += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

interface OpenedChat {
  feed: ChatFeed;
  entries: ChatMessageView[];
  revised: ChatMessageView[];
  links: string[];
  typing: string[];
  failures: string[];
  agentConnection: string;
  contactId: string;
}

let opened = 0;
/**
 * Opens the feed on the recorded chat. Streams keeps one media controller per connection and
 * chatjs one session per contact for the page's life, so each test gets the recorded chat under
 * ids of its own; `history` is what the transcript holds when it is read.
 */
async function openChat(history: (contactId: string) => Record<string, unknown>[] = () => []): Promise<OpenedChat> {
  opened += 1;
  const contactId = `chat-${String(opened)}`;
  transcript = history(contactId);
  const agentConnection = RECORDED_AGENT_CONNECTION.replace(/.{4}$/, String(opened).padStart(4, '0'));
  const chat: OpenedChat = {
    feed: undefined as unknown as ChatFeed,
    entries: [],
    revised: [],
    links: [],
    typing: [],
    failures: [],
    agentConnection,
    contactId,
  };
  chat.feed = startChatFeed(
    api,
    masker,
    {
      chatEntries: (_id, views) => chat.entries.push(...views),
      chatRevised: (_id, views) => chat.revised.push(...views),
      chatTyping: (id) => chat.typing.push(id),
      chatLink: (_id, link) => chat.links.push(link),
      actionFailed: (key) => chat.failures.push(key),
    },
    { sanitizeMarkdown: null, reportBlocked: () => undefined },
  );
  const from = service.calls.length;
  deliverSnapshot(api, 'chatAndMonitored', { [RECORDED_AGENT_CONNECTION]: agentConnection, '"chat-1"': JSON.stringify(contactId) });
  await vi.waitFor(() => {
    expect(chat.links).toContain('connected');
    expect(callsTo('/participant/transcript', from).length).toBeGreaterThan(0);
  });
  await settle();
  return chat;
}

const callsTo = (path: string, from = 0) => service.calls.slice(from).filter((call) => call.path === path);

describe('the chat feed on real Streams and chatjs', () => {
  it('opens the chat through Streams’ media controller with the agent’s token, and shows its history masked, once', async () => {
    const from = service.calls.length;
    const requests = upstream.requests.length;
    const chat = await openChat((contactId) => [
      item(contactId, 'm-1', 'my card is 4111 1111 1111 1111'),
      item(contactId, 'm-2', 'Thank you, one moment.', 'AGENT'),
    ]);
    expect(upstream.requests.slice(requests).filter((request) => request.method === 'createTransport')).toEqual([
      { method: 'createTransport', params: { transportType: 'chat_token', participantId: chat.agentConnection, contactId: chat.contactId } },
    ]);
    // chatjs acknowledges the agent with the participant token from the snapshot, then reads with the connection token.
    await vi.waitFor(() => expect(callsTo('/participant/connection', from)).toHaveLength(1));
    expect(callsTo('/participant/connection', from)).toEqual([
      { path: '/participant/connection', bearer: PARTICIPANT_TOKEN, body: { ConnectParticipant: true } },
    ]);
    expect(callsTo('/participant/transcript', from).map((call) => [call.bearer, call.body['ScanDirection'], call.body['SortOrder']])).toContainEqual([
      CONNECTION_TOKEN,
      'BACKWARD',
      'ASCENDING',
    ]);
    expect(chat.links.slice(0, 2)).toEqual(['connecting', 'connected']);
    // Both the feed and chatjs' CONNECTION_ESTABLISHED read the transcript; each message is shown once.
    expect(chat.entries.map((entry) => [entry.id, entry.role, entry.text])).toEqual([
      ['m-1', 'customer', 'my card is •••• 1111'],
      ['m-2', 'agent', 'Thank you, one moment.'],
    ]);
    expect(JSON.stringify(chat.entries)).not.toContain('4111 1111 1111');
    chat.feed.dispose();
  });

  it('shows live messages of this chat from the websocket, masks a card split over two, and ignores other chats’ items', async () => {
    const chat = await openChat();
    overWebsocket(item(chat.contactId, 'm-1', 'my card is 4111 1111'));
    overWebsocket(item('chat-elsewhere', 'x-1', 'not for this chat'));
    await vi.waitFor(() => expect(chat.entries).toHaveLength(1));
    overWebsocket(item(chat.contactId, 'm-2', '1111 1111'));
    await vi.waitFor(() => expect(chat.entries).toHaveLength(2));
    expect(chat.entries.map((entry) => [entry.id, entry.text])).toEqual([
      ['m-1', 'my card is 4111 1111'],
      ['m-2', '•••• 1111'],
    ]);
    expect(chat.revised.map((entry) => [entry.id, entry.text])).toEqual([['m-1', 'my card is ••••••••']]);
    chat.feed.dispose();
  });

  it('shows the customer typing (not the agent), and sends the agent’s typing at most once per chatjs window', async () => {
    const chat = await openChat();
    const from = service.calls.length;
    overWebsocket(item(chat.contactId, 't-1', '', 'CUSTOMER', CHAT_EVENT.typing));
    overWebsocket(item(chat.contactId, 't-2', '', 'AGENT', CHAT_EVENT.typing));
    chat.feed.typing(chat.contactId);
    chat.feed.typing(chat.contactId);
    chat.feed.typing(chat.contactId);
    await vi.waitFor(() => expect(callsTo('/participant/event', from).length).toBeGreaterThan(0));
    await settle();
    expect(chat.typing).toEqual([chat.contactId]);
    expect(chat.entries).toEqual([]);
    expect(callsTo('/participant/event', from).map((call) => [call.bearer, call.body['ContentType']])).toEqual([[CONNECTION_TOKEN, CHAT_EVENT.typing]]);
    chat.feed.dispose();
  });

  it('sends the agent’s reply to the participant service, and says why a send failed as chatjs reports it', async () => {
    const chat = await openChat();
    const from = service.calls.length;
    expect(await chat.feed.sendChat(chat.contactId, 'How can I help?')).toEqual({ ok: true });
    expect(callsTo('/participant/message', from).map((call) => [call.bearer, call.body['Content'], call.body['ContentType']])).toEqual([
      [CONNECTION_TOKEN, 'How can I help?', 'text/plain'],
    ]);
    service.answerWith((call) => (call.path === '/participant/message' ? { status: 500, errorType: 'InternalServerException' } : answerFromTranscript(call)));
    expect(await chat.feed.sendChat(chat.contactId, 'again')).toEqual({ ok: false, problem: 'failed' });
    service.answerWith((call) => (call.path === '/participant/message' ? { status: 403, errorType: 'AccessDeniedException' } : answerFromTranscript(call)));
    expect(await chat.feed.sendChat(chat.contactId, 'and again')).toEqual({ ok: false, problem: 'expired' });
    expect(chat.links.at(-1)).toBe('expired');
    service.answerWith(answerFromTranscript);
    chat.feed.dispose();
  });

  it('reports the websocket lost and back, reads what was said meanwhile, and the chat ended', async () => {
    const chat = await openChat((contactId) => [item(contactId, 'm-1', 'before')]);
    upstream.fromCcp('webSocket::connection_lost', {});
    await vi.waitFor(() => expect(chat.links.at(-1)).toBe('lost'));
    transcript = [item(chat.contactId, 'm-1', 'before'), item(chat.contactId, 'm-2', 'while the link was down')];
    upstream.fromCcp('webSocket::connection_gain', {});
    await vi.waitFor(() => expect(chat.entries.map((entry) => entry.id)).toEqual(['m-1', 'm-2']));
    expect(chat.links.slice(-2)).toEqual(['lost', 'connected']);
    overWebsocket(item(chat.contactId, 'e-1', '', 'SYSTEM', CHAT_EVENT.ended));
    await vi.waitFor(() => expect(chat.links.at(-1)).toBe('ended'));
    chat.feed.dispose();
  });

  it('shows nothing more and sends nothing once disposed', async () => {
    const chat = await openChat();
    chat.feed.dispose();
    const from = service.calls.length;
    overWebsocket(item(chat.contactId, 'm-9', 'after dispose'));
    chat.feed.typing(chat.contactId);
    expect(await chat.feed.sendChat(chat.contactId, 'late')).toEqual({ ok: false, problem: 'unavailable' });
    await settle();
    expect(chat.entries).toEqual([]);
    expect(callsTo('/participant/message', from)).toEqual([]);
    expect(callsTo('/participant/event', from)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { startAgentActions } from '../../../src/connect/agentActions.ts';
import { startChatFeed } from '../../../src/connect/chatFeed.ts';
import { startContactFeed } from '../../../src/connect/contactFeed.ts';
import type { ChatMessageView } from '../../../src/core/chat/ChatMessageView.ts';
import type { ContactView } from '../../../src/core/contact/ContactView.ts';
import { failClosedMasker } from '../../../src/core/contact/failClosedMasker.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';
import { FakeChatSession, FakeStreams } from './fakeStreams.ts';

const masker = createMaskingEngine(applyDefaults({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2/' } }).masking, { defaultCountry: 'JP' });
const voice = { contactId: 'v-1', type: 'voice' as const, state: 'connected', callerNumber: '+81312345678', attributes: { card: '4111 1111 1111 1111' } };
const silent = { audit: () => undefined, actionFailed: () => undefined };

describe('contact feed', () => {
  it('publishes masked views of every snapshot and stops when disposed', () => {
    const streams = new FakeStreams();
    const published: ContactView[][] = [];
    const feed = startContactFeed(streams, { masker, secureFields: [] }, { ...silent, contacts: (views) => published.push(views) });
    streams.push([voice]);
    expect(published.at(-1)?.map((view) => view.caller?.display)).toEqual(['•••• 5678']);
    expect(JSON.stringify(published)).not.toContain('4111 1111');
    expect(JSON.stringify(published)).not.toContain('312345678');
    const before = published.length;
    feed.dispose();
    streams.push([voice, { ...voice, contactId: 'v-2' }]);
    expect(published.length).toBe(before);
    expect(streams.liveSubscriptions).toBe(0);
    expect(feed.findContact('v-1')).toBeNull();
  });

  it('shows the contacts again at once with a new policy', () => {
    const streams = new FakeStreams();
    const published: ContactView[][] = [];
    const feed = startContactFeed(streams, { masker, secureFields: [] }, { ...silent, contacts: (views) => published.push(views) });
    streams.push([voice]);
    feed.setViewPolicy({ masker: failClosedMasker, secureFields: [] });
    expect(published.at(-1)?.[0]?.caller?.display).not.toContain('5678');
  });
});

describe('chat feed', () => {
  const item = (id: string, text: string, role = 'CUSTOMER') => ({
    Id: id,
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: text,
    ParticipantRole: role,
    AbsoluteTime: '2026-01-01T00:00:00Z',
  });
  const start = (session: FakeChatSession) => {
    const streams = new FakeStreams();
    const entries: ChatMessageView[] = [];
    const revised: ChatMessageView[] = [];
    const links: string[] = [];
    const typing: string[] = [];
    const feed = startChatFeed(
      streams,
      masker,
      {
        chatEntries: (_id, views) => entries.push(...views),
        chatRevised: (_id, views) => revised.push(...views),
        chatLink: (_id, link) => links.push(link),
        chatTyping: (id) => typing.push(id),
        actionFailed: () => undefined,
      },
      { sanitizeMarkdown: null, reportBlocked: () => undefined },
    );
    streams.push([{ contactId: 'c-1', type: 'chat', state: 'connected', chat: session }]);
    return { streams, feed, entries, revised, links, typing };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('delivers masked history and live messages of connected chats, and nothing once disposed', async () => {
    const session = new FakeChatSession([item('m-1', 'my card is 4111 1111 1111 1111')]);
    const { streams, feed, entries } = start(session);
    await settle();
    expect(entries.map((message) => message.id)).toEqual(['m-1']);
    expect(JSON.stringify(entries)).not.toContain('4111 1111');
    session.receive(item('m-2', 'hello'));
    expect(entries.map((message) => message.id)).toEqual(['m-1', 'm-2']);
    expect(await feed.sendChat('c-1', 'hi')).toEqual({ ok: true });
    expect(session.sent).toEqual(['hi']);
    feed.dispose();
    session.receive(item('m-3', 'after'));
    expect(entries.map((message) => message.id)).toEqual(['m-1', 'm-2']);
    expect(streams.liveSubscriptions).toBe(0);
  });

  it('says why a send failed: service error, expired token, no connection', async () => {
    const session = new FakeChatSession();
    const { feed, links } = start(session);
    await settle();
    session.failNext = { type: 'InternalServerException', statusCode: 500 };
    expect(await feed.sendChat('c-1', 'one')).toEqual({ ok: false, problem: 'failed' });
    session.failNext = 'Failed to call sendMessage, No active connection';
    expect(await feed.sendChat('c-1', 'two')).toEqual({ ok: false, problem: 'offline' });
    session.failNext = { type: 'AccessDeniedException', statusCode: 403 };
    expect(await feed.sendChat('c-1', 'three')).toEqual({ ok: false, problem: 'expired' });
    expect(links.at(-1)).toBe('expired');
    expect(await feed.sendChat('nobody', 'x')).toEqual({ ok: false, problem: 'unavailable' });
  });

  it('reports the connection lost and back, and re-reads the transcript when it is back', async () => {
    const session = new FakeChatSession([item('m-1', 'before')]);
    const { entries, links } = start(session);
    await settle();
    session.link('lost');
    session.addToTranscript(item('m-2', 'while down'));
    session.link('established');
    await settle();
    // chatjs announces the connection once it is up (the second 'connected'), then lost and back.
    expect(links).toEqual(['connecting', 'connected', 'connected', 'lost', 'connected']);
    // The feed re-reads everything and passes on only what it had not masked yet.
    expect(entries.map((entry) => entry.id)).toEqual(['m-1', 'm-2']);
    session.link('ended');
    expect(links.at(-1)).toBe('ended');
  });

  it('masks a card number split over two messages in a row in both, revising the first', async () => {
    const session = new FakeChatSession([item('m-1', 'my card is 4111 1111')]);
    const { entries, revised } = start(session);
    await settle();
    expect(entries[0]?.text).toBe('my card is 4111 1111');
    session.receive(item('m-2', '1111 1111'));
    expect(entries[1]?.text).toBe('•••• 1111');
    expect(revised.map((entry) => [entry.id, entry.text])).toEqual([['m-1', 'my card is ••••••••']]);
    // The agent's reply in between breaks the run: digits after it are not joined with the customer's.
    session.receive(item('m-3', 'thanks', 'AGENT'));
    session.receive(item('m-4', '4111 1111'));
    session.receive(item('m-5', 'ok', 'AGENT'));
    session.receive(item('m-6', '1111 1111'));
    expect(entries.slice(2).map((entry) => entry.text)).toEqual(['thanks', '4111 1111', 'ok', '1111 1111']);
    expect(revised).toHaveLength(1);
  });

  it('shows the customer typing (not the agent), and sends typing at most once per chatjs window', async () => {
    const session = new FakeChatSession();
    const { feed, typing, entries } = start(session);
    await settle();
    session.typing({ Id: 't1', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing', ParticipantRole: 'CUSTOMER' });
    session.typing({ Id: 't2', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing', ParticipantRole: 'AGENT' });
    expect(typing).toEqual(['c-1']);
    expect(entries).toEqual([]);
    feed.typing('c-1');
    feed.typing('c-1');
    feed.typing('c-1');
    await settle();
    expect(session.events).toEqual(['application/vnd.amazonaws.connect.event.typing']);
  });
});

describe('agent actions', () => {
  it('act on the Streams contact by id and reach nothing once disposed', () => {
    const streams = new FakeStreams();
    const contacts = startContactFeed(streams, { masker, secureFields: [] }, { ...silent, contacts: () => undefined });
    const failures: string[] = [];
    const actions = startAgentActions(streams, contacts.findContact, { actionFailed: (key) => failures.push(key) });
    streams.push([voice]);
    actions.accept('v-1');
    actions.hangUp('v-1');
    actions.setAgentState('Available');
    actions.setAgentState('NoSuchState');
    expect(streams.calls.map((call) => call.method)).toEqual(['accept', 'destroyConnection', 'setState']);
    expect(failures).toEqual(['errorStateChange']);
    actions.dispose();
    actions.accept('v-1');
    expect(streams.calls).toHaveLength(3);
    contacts.dispose();
    expect(streams.liveSubscriptions).toBe(0);
  });
});

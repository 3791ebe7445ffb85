import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { startChatFeed } from '../../../src/connect/chatFeed.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';
import { FakeChatSession, FakeStreams, type FakeContactSpec } from './fakeStreams.ts';

const masker = createMaskingEngine(applyDefaults({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2/' } }).masking, { defaultCountry: 'JP' });
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The customer's half of a card number: the run keeps it raw, waiting for the other half. */
const halfCard = (id: string) => ({
  Id: id,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: 'my card is 4111 1111',
  ParticipantRole: 'CUSTOMER',
  AbsoluteTime: '2026-01-01T00:00:00Z',
});

/**
 * An ended chat must leave nothing of it behind on the desk: after 40 chats opened and released
 * (half ended first, as Connect ends them; half cleared while still connected), no handler of the
 * feed is left on any chatjs session, and no raw message is reachable from what the libraries
 * keep — here, every session object, as Streams' media controller cache and chatjs' shared
 * websocket subscription keep a session whose chat did not end on the websocket.
 */
describe('chat feed: ended chats are released', () => {
  const CHATS = 40;

  const openAndRelease = async (keepsHandlers: boolean) => {
    const streams = new FakeStreams();
    const shown: string[] = [];
    const feed = startChatFeed(
      streams,
      masker,
      {
        chatEntries: (_id, views) => shown.push(...views.map((view) => view.text ?? '')),
        chatRevised: () => undefined,
        chatLink: () => undefined,
        chatTyping: () => undefined,
        actionFailed: () => undefined,
      },
      { sanitizeMarkdown: null, reportBlocked: () => undefined },
    );
    streams.push([]);
    const sessions: FakeChatSession[] = [];
    const rawMessages: WeakRef<object>[] = [];
    for (let index = 0; index < CHATS; index += 1) {
      const session = new FakeChatSession([], keepsHandlers);
      sessions.push(session);
      const contact: FakeContactSpec = { contactId: `c-${index}`, type: 'chat', state: 'connected', chat: session };
      streams.push([contact]);
      await settle();
      const message = halfCard(`m-${index}`);
      rawMessages.push(new WeakRef(message));
      session.receive(message);
      if (index % 2 === 0) {
        session.link('ended');
        streams.push([{ ...contact, state: 'ended', agentConnectionState: 'disconnected' }]);
      }
      streams.push([]);
      await settle();
    }
    return { feed, sessions, rawMessages, shown };
  };

  it('takes its handlers back from every session through chatjs clean-up', async () => {
    const { sessions, shown } = await openAndRelease(false);
    expect(shown).toHaveLength(CHATS);
    expect(sessions.map((session) => session.handlerCount)).toEqual(sessions.map(() => 0));
  });

  it('keeps no raw message reachable from sessions the libraries still hold', async () => {
    const { sessions, rawMessages, feed } = await openAndRelease(true);
    // The libraries keep every session, with every handler the feed gave it.
    expect(sessions.every((session) => session.handlerCount > 0)).toBe(true);
    await settle();
    collectGarbage();
    expect(rawMessages.filter((message) => message.deref() !== undefined)).toHaveLength(0);
    feed.dispose();
  });

  it('drops the handlers of chats still open when the feed is disposed', async () => {
    const streams = new FakeStreams();
    const feed = startChatFeed(
      streams,
      masker,
      { chatEntries: () => undefined, chatRevised: () => undefined, chatLink: () => undefined, chatTyping: () => undefined, actionFailed: () => undefined },
      { sanitizeMarkdown: null, reportBlocked: () => undefined },
    );
    const session = new FakeChatSession();
    streams.push([{ contactId: 'c-1', type: 'chat', state: 'connected', chat: session }]);
    await settle();
    expect(session.handlerCount).toBeGreaterThan(0);
    feed.dispose();
    await settle();
    expect(session.handlerCount).toBe(0);
  });
});

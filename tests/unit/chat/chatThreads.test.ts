import { describe, expect, it } from 'vitest';
import type { ChatMessageView } from '../../../src/core/chat/ChatMessageView.ts';
import { chatThreadsReducer, MAX_KEPT_ENTRIES, type ChatThreads } from '../../../src/core/chat/chatThreads.ts';

const message = (id: string, at: number, role: ChatMessageView['role'] = 'customer'): ChatMessageView => ({
  id,
  contactId: 'c',
  role,
  displayName: '',
  text: id,
  at,
  kind: 'text',
});

describe('chatThreadsReducer', () => {
  it('keeps time order, adds nothing twice (a transcript re-read after a reconnect) and counts unread customer messages', () => {
    let threads: ChatThreads = {};
    threads = chatThreadsReducer(threads, { type: 'entries', contactId: 'c', entries: [message('live', 30)] });
    threads = chatThreadsReducer(threads, {
      type: 'entries',
      contactId: 'c',
      entries: [message('old', 10), message('mine', 20, 'agent'), message('live', 30)],
    });
    expect(threads.c?.entries.map((entry) => entry.id)).toEqual(['old', 'mine', 'live']);
    expect(threads.c?.unread).toBe(2);
    threads = chatThreadsReducer(threads, { type: 'read', contactId: 'c' });
    expect(threads.c?.unread).toBe(0);
  });

  it('caps what is kept and still refuses ids it dropped', () => {
    let threads: ChatThreads = {};
    const many = Array.from({ length: MAX_KEPT_ENTRIES + 10 }, (_, i) => message(`m${i}`, i));
    threads = chatThreadsReducer(threads, { type: 'entries', contactId: 'c', entries: many });
    expect(threads.c?.entries).toHaveLength(MAX_KEPT_ENTRIES);
    threads = chatThreadsReducer(threads, { type: 'entries', contactId: 'c', entries: [message('m0', 0)] });
    expect(threads.c?.entries[0]?.id).toBe('m10');
  });

  it('an ended chat stays ended, typing stops with a message, released threads are gone', () => {
    let threads: ChatThreads = {};
    threads = chatThreadsReducer(threads, { type: 'typing', contactId: 'c', at: 1000 });
    expect(threads.c?.customerTypingUntil).toBe(11_000);
    threads = chatThreadsReducer(threads, { type: 'entries', contactId: 'c', entries: [message('hi', 2)] });
    expect(threads.c?.customerTypingUntil).toBe(0);
    threads = chatThreadsReducer(threads, { type: 'entries', contactId: 'c', entries: [{ ...message('end', 3, 'system'), kind: 'event', event: 'ended' }] });
    threads = chatThreadsReducer(threads, { type: 'link', contactId: 'c', link: 'connected' });
    expect(threads.c?.link).toBe('ended');
    threads = chatThreadsReducer(threads, { type: 'keep', contactIds: [] });
    expect(threads).toEqual({});
  });
});

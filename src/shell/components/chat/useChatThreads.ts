import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { chatThreadsReducer, type ChatThreads } from '../../../core/chat/chatThreads.ts';
import type { ChatFeedListener } from '../../../connect/chatFeed.ts';

/**
 * The desk's chat threads: the chat feed's listener, and the threads it fills. Threads of
 * contacts that left the desk are released at once (an ended chat keeps nothing in memory).
 */
export function useChatThreads(contactIds: readonly string[]): {
  threads: ChatThreads;
  listener: Omit<ChatFeedListener, 'actionFailed'>;
  markRead(contactId: string): void;
} {
  const [threads, dispatch] = useReducer(chatThreadsReducer, {});
  const listener = useMemo<Omit<ChatFeedListener, 'actionFailed'>>(
    () => ({
      chatEntries: (contactId, entries) => dispatch({ type: 'entries', contactId, entries }),
      chatRevised: (contactId, entries) => dispatch({ type: 'revise', contactId, entries }),
      chatTyping: (contactId, at) => dispatch({ type: 'typing', contactId, at }),
      chatLink: (contactId, link) => dispatch({ type: 'link', contactId, link }),
    }),
    [],
  );
  const key = contactIds.join('\n');
  useEffect(() => dispatch({ type: 'keep', contactIds: key === '' ? [] : key.split('\n') }), [key]);
  const markRead = useCallback((contactId: string) => dispatch({ type: 'read', contactId }), []);
  return { threads, listener, markRead };
}

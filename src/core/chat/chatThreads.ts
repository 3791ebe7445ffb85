import type { ChatMessageView } from './ChatMessageView.ts';
import { TYPING_VALIDITY_MS } from './chatContentTypes.ts';

/** How the chat's link to the participant service is, as the agent must hear it. */
export type ChatLinkStatus = 'connecting' | 'connected' | 'lost' | 'expired' | 'ended' | 'unavailable';

export interface ChatThread {
  contactId: string;
  /** In time order, at most `MAX_KEPT_ENTRIES`; older ones are dropped (the transcript stays on the server). */
  entries: ChatMessageView[];
  /** Ids already shown, kept a while longer than the entries, so a transcript re-read after a reconnect adds nothing twice. */
  seenIds: string[];
  unread: number;
  /** Until when the customer's typing indicator shows (0 = not typing). */
  customerTypingUntil: number;
  link: ChatLinkStatus;
}

export type ChatThreads = Readonly<Record<string, ChatThread>>;

export type ChatThreadAction =
  | { type: 'entries'; contactId: string; entries: ChatMessageView[] }
  /** Entries masked again (a secret across messages): each replaces the entry with its id, if still kept. */
  | { type: 'revise'; contactId: string; entries: ChatMessageView[] }
  | { type: 'typing'; contactId: string; at: number }
  | { type: 'link'; contactId: string; link: ChatLinkStatus }
  | { type: 'read'; contactId: string }
  /** Contacts still on the desk; every other thread is released. */
  | { type: 'keep'; contactIds: readonly string[] };

export const MAX_KEPT_ENTRIES = 500;
const MAX_SEEN_IDS = 2 * MAX_KEPT_ENTRIES;

function emptyThread(contactId: string): ChatThread {
  return { contactId, entries: [], seenIds: [], unread: 0, customerTypingUntil: 0, link: 'connecting' };
}

export function chatThreadsReducer(threads: ChatThreads, action: ChatThreadAction): ChatThreads {
  switch (action.type) {
    case 'entries': {
      const thread = threads[action.contactId] ?? emptyThread(action.contactId);
      const next = addEntries(thread, action.entries);
      return next === thread ? threads : { ...threads, [action.contactId]: next };
    }
    case 'revise': {
      const thread = threads[action.contactId];
      if (!thread) return threads;
      const byId = new Map(action.entries.map((entry) => [entry.id, entry]));
      let changed = false;
      const entries = thread.entries.map((entry) => {
        const next = byId.get(entry.id);
        if (next === undefined) return entry;
        changed = true;
        return next;
      });
      return changed ? { ...threads, [action.contactId]: { ...thread, entries } } : threads;
    }
    case 'typing': {
      const thread = threads[action.contactId] ?? emptyThread(action.contactId);
      return { ...threads, [action.contactId]: { ...thread, customerTypingUntil: action.at + TYPING_VALIDITY_MS } };
    }
    case 'link': {
      const thread = threads[action.contactId] ?? emptyThread(action.contactId);
      // An ended chat stays ended: a late "connection gained" must not reopen the composer.
      if (thread.link === action.link || (thread.link === 'ended' && action.link !== 'ended')) return threads;
      return { ...threads, [action.contactId]: { ...thread, link: action.link } };
    }
    case 'read': {
      const thread = threads[action.contactId];
      return !thread || thread.unread === 0 ? threads : { ...threads, [action.contactId]: { ...thread, unread: 0 } };
    }
    case 'keep': {
      const keep = new Set(action.contactIds);
      const kept = Object.entries(threads).filter(([contactId]) => keep.has(contactId));
      return kept.length === Object.keys(threads).length ? threads : Object.fromEntries(kept);
    }
  }
}

function addEntries(thread: ChatThread, incoming: readonly ChatMessageView[]): ChatThread {
  const seen = new Set(thread.seenIds);
  const fresh = incoming.filter((entry) => {
    if (seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
  if (fresh.length === 0) return thread;
  const entries = [...thread.entries];
  for (const entry of fresh) insertInTimeOrder(entries, entry);
  const fromCustomer = fresh.filter((entry) => entry.role !== 'agent' && entry.kind !== 'event').length;
  const ended = fresh.some((entry) => entry.kind === 'event' && entry.event === 'ended');
  // A customer message means the customer stopped typing.
  const customerTypingUntil = fresh.some((entry) => entry.role === 'customer' && entry.kind !== 'event') ? 0 : thread.customerTypingUntil;
  return {
    ...thread,
    entries: entries.length > MAX_KEPT_ENTRIES ? entries.slice(-MAX_KEPT_ENTRIES) : entries,
    seenIds: [...thread.seenIds, ...fresh.map((entry) => entry.id)].slice(-MAX_SEEN_IDS),
    unread: thread.unread + fromCustomer,
    customerTypingUntil,
    link: ended ? 'ended' : thread.link,
  };
}

/** History and live messages arrive in any order; most arrive last, so search from the end. */
function insertInTimeOrder(entries: ChatMessageView[], entry: ChatMessageView): void {
  let index = entries.length;
  while (index > 0) {
    const before = entries[index - 1];
    if (before === undefined || before.at <= entry.at) break;
    index--;
  }
  entries.splice(index, 0, entry);
}

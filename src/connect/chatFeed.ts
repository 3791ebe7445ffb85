import type { ChatMessageView } from '../core/chat/ChatMessageView.ts';
import { buildChatMessageView, type ChatViewContext, type RawChatItem } from '../core/chat/buildChatMessageView.ts';
import { CHAT_CONTENT_TYPES } from '../core/chat/chatContentTypes.ts';
import type { ChatLinkStatus } from '../core/chat/chatThreads.ts';
import { classifySendError, type SendProblem } from '../core/chat/classifySendError.ts';
import type { SanitizedNode } from '../core/chat/MarkdownNode.ts';
import type { TextMasker } from '../core/chat/TextMasker.ts';
import { blockedLinkOrigins } from '../core/chat/buildMarkdownTree.ts';
import { createMessageRuns } from '../core/chat/messageRuns.ts';
import { createTypingThrottle } from '../core/chat/typingThrottle.ts';
import type { LinkPolicy } from '../core/origins/LinkPolicy.ts';
import { contactChannel, contactPhase } from '../core/contact/contactPhase.ts';
import { followAgent, type AgentSource } from './followAgent.ts';
import { readRawContact } from './readRawContact.ts';

export interface ChatFeedListener {
  /** New thread entries for one chat (a transcript page or one live item), masked. */
  chatEntries(contactId: string, entries: ChatMessageView[]): void;
  /** Entries already shown, masked again: the next message showed they held part of a secret. */
  chatRevised(contactId: string, entries: ChatMessageView[]): void;
  /** The customer is typing (chatjs validity: ten seconds from `at`). */
  chatTyping(contactId: string, at: number): void;
  chatLink(contactId: string, link: ChatLinkStatus): void;
  /** Something went wrong with a chat; the key names a localized message. */
  actionFailed(messageKey: string): void;
}

/** What in a chat pointed to an origin that is not approved (the `kind` of the `origin.blocked` audit event). */
type BlockedChatTarget = 'attachment' | 'chat_markdown_link';

export type ChatSendResult = { ok: true } | { ok: false; problem: SendProblem };
export type AttachmentOpenResult = 'opened' | 'not_approved' | 'failed';

export interface ChatFeed {
  sendChat(contactId: string, text: string): Promise<ChatSendResult>;
  /** A keystroke in the reply box; sends a typing event at most once per chatjs window. */
  typing(contactId: string): void;
  sendAttachment(contactId: string, file: File): Promise<ChatSendResult>;
  /**
   * Downloads an attachment through the participant service (GetAttachment) — only when the URL
   * it hands out is on an approved origin — and saves it as a file; it is never shown inline.
   */
  openAttachment(contactId: string, attachmentId: string, fileName: string): Promise<AttachmentOpenResult>;
  /** A new policy brings a new masker: entries from now on are masked with it. */
  setMasker(masker: TextMasker): void;
  /** Origins whose links are clickable and whose attachment URLs may be opened (none until set). */
  setApproved(approved: LinkPolicy): void;
  dispose(): void;
}

/** What the feed needs from the page: DOMPurify (through `sanitizeChatMarkdown`) and the block reporter. */
export interface ChatFeedPage {
  /** Markdown source → what DOMPurify kept; null → Markdown is shown as masked text. */
  sanitizeMarkdown: ((source: string) => SanitizedNode[]) | null;
  /** An attachment URL or a Markdown link to an origin that is not approved was refused (origin only, masked, for audit). */
  reportBlocked(origin: string, kind: BlockedChatTarget): void;
}

/** The Streams global's chat connection class, needed to tell chat connections apart. */
export type ChatApi = AgentSource & Pick<typeof connect, 'ChatConnection'>;

const TRANSCRIPT_PAGE = 100;
/** At most this many item ids per chat in `OpenChat.remembered`. */
const MAX_REMEMBERED_IDS = 1_000;
const NOTHING_APPROVED: LinkPolicy = { matches: () => false, maskText: () => '' };

/** What the feed keeps for one chat while its contact is on the desk; nothing else holds it. */
interface OpenChat {
  /** Tells this opening from a later one of the same contact, for handlers chatjs still calls. */
  generation: number;
  session: Promise<connect.AgentChatSession>;
  /** The run of messages read together (raw, adapter memory only); null until the session is up. */
  run: ReturnType<typeof createMessageRuns> | null;
  /** Item ids already masked, so a transcript re-read does not feed a message into the run twice. */
  remembered: Set<string>;
  typingThrottle: ((now: number) => boolean) | null;
}

/**
 * Chat sessions of connected chat contacts, and what happens in them as masked entries. Each
 * chat's session is opened once (through the agent connection's media controller) and released
 * when the contact leaves the snapshot. Raw items never leave this module.
 *
 * chatjs and Streams may keep a session alive after its contact has gone (Streams' media
 * controller cache, chatjs' subscription on the shared websocket), with every handler the feed
 * gave it. So the handlers hold only the contact id and look the chat up here: a released chat's
 * run (raw messages) and ids are dropped with its entry, whatever the libraries keep.
 */
export function startChatFeed(api: ChatApi, initialMasker: TextMasker, listener: ChatFeedListener, page: ChatFeedPage): ChatFeed {
  const { sanitizeMarkdown } = page;
  let masker = initialMasker;
  let approved = NOTHING_APPROVED;
  let disposed = false;
  let generations = 0;
  const chats = new Map<string, OpenChat>();

  const context = (textMasker: TextMasker = masker): ChatViewContext => ({
    masker: textMasker,
    approved,
    ...(sanitizeMarkdown ? { sanitizeMarkdown } : {}),
    now: Date.now(),
  });
  /** The chat, if it is still the opening a handler was registered for. */
  const current = (contactId: string, generation: number): OpenChat | null => {
    const open = disposed ? undefined : chats.get(contactId);
    return open && open.generation === generation ? open : null;
  };

  // Each item once, in the order it came, through the chat's run: a message that shows an
  // earlier one held part of a secret revises that one too.
  const present = (contactId: string, generation: number, items: readonly RawChatItem[]): void => {
    const open = current(contactId, generation);
    const run = open?.run;
    if (!open || !run) return;
    const entries: ChatMessageView[] = [];
    const revised: ChatMessageView[] = [];
    // What these messages set off is audited as this contact's.
    const contactMasker = masker.forContact?.(contactId) ?? masker;
    const now = context(contactMasker);
    for (const item of items) {
      if (typeof item.Id === 'string') {
        if (open.remembered.has(item.Id)) continue;
        open.remembered.add(item.Id);
        if (open.remembered.size > MAX_REMEMBERED_IDS) open.remembered.delete(open.remembered.values().next().value ?? '');
      }
      const { content, revisions } = run.add(item, contactMasker);
      const view = buildChatMessageView(contactId, item, now, content ?? undefined);
      if (view) entries.push(view);
      for (const revision of revisions) {
        const again = buildChatMessageView(contactId, revision.item, now, revision.content);
        if (again) revised.push(again);
      }
    }
    if (entries.length > 0) listener.chatEntries(contactId, entries);
    // A Markdown link that is not approved stays text; its origin goes to the audit trail like a blocked request.
    for (const origin of new Set(entries.flatMap((entry) => (entry.markdown ? blockedLinkOrigins(entry.markdown) : [])))) {
      page.reportBlocked(origin, 'chat_markdown_link');
    }
    if (revised.length > 0) listener.chatRevised(contactId, revised);
  };

  // A panel opened (or reloaded) mid-chat, or a connection that came back, reads what was said
  // meanwhile; the thread drops what it already has.
  const readTranscript = (contactId: string, generation: number): void => {
    const open = current(contactId, generation);
    if (!open) return;
    open.session
      .then((chat) => chat.getTranscript({ maxResults: TRANSCRIPT_PAGE, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' }))
      .then(
        (response) => present(contactId, generation, response.data?.Transcript ?? []),
        () => {
          if (current(contactId, generation)) listener.actionFailed('errorChatHistory');
        },
      );
  };

  const link = (contactId: string, generation: number, status: ChatLinkStatus): void => {
    if (current(contactId, generation)) listener.chatLink(contactId, status);
  };

  /** Handlers that name the chat by id only (see above): chatjs cannot take them back before the chat ends. */
  const subscribe = (chat: connect.AgentChatSession, contactId: string, generation: number): void => {
    const show = (event: { data: unknown }): void => present(contactId, generation, [event.data as RawChatItem]);
    chat.onMessage(show);
    // chatjs routes these content types to their own events, not to onMessage.
    chat.onParticipantIdle(show);
    chat.onParticipantReturned(show);
    chat.onTyping((event) => {
      const item = event.data as RawChatItem;
      if (item.ParticipantRole === 'CUSTOMER' && current(contactId, generation)) listener.chatTyping(contactId, Date.now());
    });
    chat.onConnectionLost(() => link(contactId, generation, 'lost'));
    chat.onConnectionBroken(() => link(contactId, generation, 'lost'));
    chat.onConnectionEstablished(() => {
      link(contactId, generation, 'connected');
      readTranscript(contactId, generation);
    });
    chat.onEnded(() => {
      // Nothing can join the run any more: its raw messages go now, not when the contact is cleared.
      current(contactId, generation)?.run?.clear();
      link(contactId, generation, 'ended');
    });
  };

  const follow = (contact: connect.Contact): void => {
    const contactId = contact.getContactId();
    if (chats.has(contactId)) return;
    const connection = contact.getAgentConnection();
    if (!(connection instanceof api.ChatConnection)) return;
    const session = connection.getMediaController() as Promise<connect.AgentChatSession>;
    const generation = ++generations;
    chats.set(contactId, { generation, session, run: null, remembered: new Set(), typingThrottle: null });
    listener.chatLink(contactId, 'connecting');
    session.then(
      (chat) => {
        const open = current(contactId, generation);
        if (!open) return;
        open.run = createMessageRuns();
        subscribe(chat, contactId, generation);
        listener.chatLink(contactId, 'connected');
        readTranscript(contactId, generation);
      },
      () => {
        if (!current(contactId, generation)) return;
        chats.delete(contactId);
        listener.chatLink(contactId, 'unavailable');
        listener.actionFailed('errorChatUnavailable');
      },
    );
  };

  /**
   * The contact left the desk. chatjs drops a session's handlers itself only when the chat ends
   * on the websocket; a contact cleared without that (or a feed disposed mid-chat) would leave
   * them, so they are dropped here through chatjs' own clean-up.
   */
  const release = (contactId: string): void => {
    const open = chats.get(contactId);
    if (!open) return;
    chats.delete(contactId);
    open.run?.clear();
    open.session.then(
      (chat) => chat.cleanUpOnParticipantDisconnect(),
      () => undefined,
    );
  };

  const stop = followAgent(api, (agent) => {
    const onDesk = new Set<string>();
    for (const contact of agent.getContacts()) {
      const raw = readRawContact(contact);
      onDesk.add(raw.contactId);
      if (contactChannel(raw.type) === 'chat' && contactPhase(raw.state, raw.agentConnectionState) === 'connected') follow(contact);
    }
    for (const contactId of [...chats.keys()]) {
      if (!onDesk.has(contactId)) release(contactId);
    }
  });

  const withSession = async (contactId: string, run: (chat: connect.AgentChatSession) => Promise<unknown>): Promise<ChatSendResult> => {
    const session = chats.get(contactId)?.session;
    if (!session) return { ok: false, problem: 'unavailable' };
    try {
      await run(await session);
      return { ok: true };
    } catch (error) {
      const problem = classifySendError(error);
      if (problem === 'expired') listener.chatLink(contactId, 'expired');
      return { ok: false, problem };
    }
  };

  return {
    sendChat: (contactId, text) => withSession(contactId, (chat) => chat.sendMessage({ message: text, contentType: 'text/plain' })),
    typing(contactId) {
      const open = chats.get(contactId);
      if (!open) return;
      open.typingThrottle ??= createTypingThrottle();
      if (!open.typingThrottle(Date.now())) return;
      // A lost typing event is not worth telling the agent about.
      open.session.then((chat) => chat.sendEvent({ contentType: CHAT_CONTENT_TYPES.typing })).catch(() => undefined);
    },
    sendAttachment: (contactId, file) => withSession(contactId, (chat) => chat.sendAttachment({ attachment: file })),
    async openAttachment(contactId, attachmentId, fileName) {
      const session = chats.get(contactId)?.session;
      if (!session) return 'failed';
      try {
        const url = await (await session).getAttachmentURL({ attachmentId });
        if (!approved.matches(url)) {
          page.reportBlocked(originOf(url), 'attachment');
          return 'not_approved';
        }
        const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
        if (!response.ok) return 'failed';
        saveAsFile(await response.blob(), fileName);
        return 'opened';
      } catch {
        return 'failed';
      }
    },
    setMasker(next) {
      masker = next;
      // Messages read with the old policy are not joined with ones read with the new one.
      for (const open of chats.values()) open.run?.clear();
    },
    setApproved(next) {
      approved = next;
    },
    dispose() {
      stop();
      for (const contactId of [...chats.keys()]) release(contactId);
      disposed = true;
    },
  };
}

/** A download, never a navigation: the file goes to disk under its masked name, not into a page. */
function saveAsFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName || 'attachment';
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

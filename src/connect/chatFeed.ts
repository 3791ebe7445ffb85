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
export type BlockedChatTarget = 'attachment' | 'chat_markdown_link';

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
/** Item ids a chat remembers having masked, so a transcript re-read does not feed a message into a run twice. */
const MAX_REMEMBERED_IDS = 1_000;
const NOTHING_APPROVED: LinkPolicy = { matches: () => false, maskText: () => '' };

/**
 * Chat sessions of connected chat contacts, and what happens in them as masked entries. Each
 * chat's session is opened once (through the agent connection's media controller) and dropped
 * when the contact leaves the snapshot. Raw items never leave this module.
 */
export function startChatFeed(api: ChatApi, initialMasker: TextMasker, listener: ChatFeedListener, page: ChatFeedPage): ChatFeed {
  const { sanitizeMarkdown } = page;
  let masker = initialMasker;
  let approved = NOTHING_APPROVED;
  let disposed = false;
  const sessions = new Map<string, Promise<connect.AgentChatSession>>();
  const typingThrottles = new Map<string, (now: number) => boolean>();
  const runs = new Map<string, ReturnType<typeof createMessageRuns>>();
  const maskedIds = new Map<string, Set<string>>();

  const context = (): ChatViewContext => ({ masker, approved, ...(sanitizeMarkdown ? { sanitizeMarkdown } : {}), now: Date.now() });
  const live = (contactId: string): boolean => !disposed && sessions.has(contactId);

  const follow = (contact: connect.Contact): void => {
    const contactId = contact.getContactId();
    if (sessions.has(contactId)) return;
    const connection = contact.getAgentConnection();
    if (!(connection instanceof api.ChatConnection)) return;
    const session = connection.getMediaController() as Promise<connect.AgentChatSession>;
    sessions.set(contactId, session);
    listener.chatLink(contactId, 'connecting');
    session.then(
      (chat) => {
        const run = createMessageRuns();
        runs.set(contactId, run);
        const remembered = new Set<string>();
        maskedIds.set(contactId, remembered);
        // Each item once, in the order it came, through the chat's run: a message that shows an
        // earlier one held part of a secret revises that one too.
        const present = (items: readonly RawChatItem[]): void => {
          const entries: ChatMessageView[] = [];
          const revised: ChatMessageView[] = [];
          const current = context();
          for (const item of items) {
            if (typeof item.Id === 'string') {
              if (remembered.has(item.Id)) continue;
              remembered.add(item.Id);
              if (remembered.size > MAX_REMEMBERED_IDS) remembered.delete(remembered.values().next().value ?? '');
            }
            const { content, revisions } = run.add(item, masker);
            const view = buildChatMessageView(contactId, item, current, content ?? undefined);
            if (view) entries.push(view);
            for (const revision of revisions) {
              const again = buildChatMessageView(contactId, revision.item, current, revision.content);
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
        const readTranscript = (): void => {
          chat.getTranscript({ maxResults: TRANSCRIPT_PAGE, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' }).then(
            (response) => {
              if (live(contactId)) present(response.data?.Transcript ?? []);
            },
            () => {
              if (live(contactId)) listener.actionFailed('errorChatHistory');
            },
          );
        };
        // ChatJS has no way to remove a handler: after dispose, events are dropped here.
        const show = (data: unknown): void => {
          if (live(contactId)) present([data as RawChatItem]);
        };
        // ChatJS has no way to remove a handler: after dispose, events are dropped here.
        chat.onMessage((event) => show(event.data));
        // chatjs routes these content types to their own events, not to onMessage.
        chat.onParticipantIdle((event) => show(event.data));
        chat.onParticipantReturned((event) => show(event.data));
        chat.onTyping((event) => {
          const item = event.data as RawChatItem;
          if (live(contactId) && item.ParticipantRole === 'CUSTOMER') listener.chatTyping(contactId, Date.now());
        });
        chat.onConnectionLost(() => {
          if (live(contactId)) listener.chatLink(contactId, 'lost');
        });
        chat.onConnectionBroken(() => {
          if (live(contactId)) listener.chatLink(contactId, 'lost');
        });
        chat.onConnectionEstablished(() => {
          if (!live(contactId)) return;
          listener.chatLink(contactId, 'connected');
          readTranscript();
        });
        chat.onEnded(() => {
          if (live(contactId)) listener.chatLink(contactId, 'ended');
        });
        listener.chatLink(contactId, 'connected');
        readTranscript();
      },
      () => {
        sessions.delete(contactId);
        if (disposed) return;
        listener.chatLink(contactId, 'unavailable');
        listener.actionFailed('errorChatUnavailable');
      },
    );
  };

  const stop = followAgent(api, (agent) => {
    const current = new Set<string>();
    for (const contact of agent.getContacts()) {
      const raw = readRawContact(contact);
      current.add(raw.contactId);
      if (contactChannel(raw.type) === 'chat' && contactPhase(raw.state, raw.agentConnectionState) === 'connected') follow(contact);
    }
    for (const contactId of sessions.keys()) {
      if (!current.has(contactId)) {
        sessions.delete(contactId);
        typingThrottles.delete(contactId);
        runs.delete(contactId);
        maskedIds.delete(contactId);
      }
    }
  });

  const withSession = async (contactId: string, run: (chat: connect.AgentChatSession) => Promise<unknown>): Promise<ChatSendResult> => {
    const session = sessions.get(contactId);
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
      const session = sessions.get(contactId);
      if (!session) return;
      const throttle = typingThrottles.get(contactId) ?? createTypingThrottle();
      typingThrottles.set(contactId, throttle);
      if (!throttle(Date.now())) return;
      // A lost typing event is not worth telling the agent about.
      session.then((chat) => chat.sendEvent({ contentType: CHAT_CONTENT_TYPES.typing })).catch(() => undefined);
    },
    sendAttachment: (contactId, file) => withSession(contactId, (chat) => chat.sendAttachment({ attachment: file })),
    async openAttachment(contactId, attachmentId, fileName) {
      const session = sessions.get(contactId);
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
      for (const run of runs.values()) run.clear();
    },
    setApproved(next) {
      approved = next;
    },
    dispose() {
      disposed = true;
      stop();
      sessions.clear();
      typingThrottles.clear();
      runs.clear();
      maskedIds.clear();
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

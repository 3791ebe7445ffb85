import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChatAttachmentView } from '../../../core/chat/ChatMessageView.ts';
import type { ChatThread } from '../../../core/chat/chatThreads.ts';
import type { ReplyCheckMode } from '../../../core/chat/checkAgentReply.ts';
import type { TextMasker } from '../../../core/chat/TextMasker.ts';
import type { LinkPolicy } from '../../../core/origins/LinkPolicy.ts';
import type { ChatFeed } from '../../../connect/chatFeed.ts';
import { t } from '../../../platform/i18n.ts';
import { ChatComposer } from './ChatComposer.tsx';
import { ChatEntry } from './ChatEntry.tsx';
import './chat.css';

/** Entries drawn at once; older ones come with "Show earlier" — a long chat does not grow the DOM. */
const THREAD_WINDOW = 60;
/** How close to the bottom counts as "reading the newest" (a line of slack for rounding). */
const BOTTOM_SLACK_PX = 24;

export interface ChatThreadProps {
  contactId: string;
  thread: ChatThread | undefined;
  /** Connected and not ended: the agent can reply. */
  live: boolean;
  chats: Pick<ChatFeed, 'sendChat' | 'typing' | 'sendAttachment' | 'openAttachment'> | null;
  approved: LinkPolicy;
  masker: TextMasker;
  replyCheck: ReplyCheckMode;
  attachmentsAllowed: boolean;
  onRead(contactId: string): void;
}

/**
 * A chat inside its contact card: the thread (newest in view unless the agent scrolled up, then
 * a "new messages" control), typing, connection problems, and the reply box.
 */
export function ChatThreadView({ contactId, thread, live, chats, approved, masker, replyCheck, attachmentsAllowed, onRead }: ChatThreadProps) {
  // A code the agent is about to send is audited as this chat's contact's, like the customer's.
  const replyMasker = useMemo(() => masker.forContact?.(contactId) ?? masker, [masker, contactId]);
  const list = useRef<HTMLOListElement>(null);
  const [following, setFollowing] = useState(true);
  const [windowSize, setWindowSize] = useState(THREAD_WINDOW);
  const [now, setNow] = useState(() => Date.now());
  const entries = thread?.entries ?? [];
  const shown = entries.slice(-windowSize);
  const newest = entries.at(-1)?.id;
  const unread = thread?.unread ?? 0;

  // Follow the newest entry unless the agent scrolled up to read.
  useLayoutEffect(() => {
    const element = list.current;
    if (element && following) element.scrollTop = element.scrollHeight;
  }, [newest, following, shown.length]);

  useEffect(() => {
    if (following && unread > 0 && document.visibilityState === 'visible') onRead(contactId);
  }, [following, unread, contactId, onRead]);

  const typingUntil = thread?.customerTypingUntil ?? 0;
  useEffect(() => {
    if (typingUntil <= Date.now()) return;
    setNow(Date.now());
    const timer = setTimeout(() => setNow(Date.now()), typingUntil - Date.now() + 10);
    return () => clearTimeout(timer);
  }, [typingUntil]);

  const onScroll = () => {
    const element = list.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX;
    if (atBottom !== following) setFollowing(atBottom);
  };

  const jumpToNewest = () => {
    setWindowSize(THREAD_WINDOW);
    setFollowing(true);
  };

  const openAttachment = useCallback(
    (attachment: ChatAttachmentView) =>
      chats ? chats.openAttachment(contactId, attachment.attachmentId, attachment.name) : Promise.resolve('failed' as const),
    [chats, contactId],
  );

  const link = thread?.link ?? 'connecting';
  // An expired session keeps the reply box (and what was typed in it), with sending held.
  const canReply = live && chats !== null && link !== 'ended' && link !== 'unavailable';
  return (
    <section className="chat" data-testid="chat" data-contact-id={contactId} data-link={link} aria-label={t('chatTitle')}>
      <header className="chat-header">
        <span>{t('chatTitle')}</span>
        {unread > 0 ? (
          <span className="chat-unread" data-testid="chat-unread" aria-label={t('chatUnread', String(unread))}>
            {unread}
          </span>
        ) : null}
      </header>
      {link === 'lost' ? (
        <p className="chat-banner" role="status" data-testid="chat-link-lost">
          {t('chatConnectionLost')}
        </p>
      ) : link === 'expired' ? (
        <p className="chat-banner" role="alert" data-testid="chat-link-expired">
          {t('chatSessionExpired')}
        </p>
      ) : null}
      <div className="chat-scroller">
        <ol className="chat-messages" ref={list} onScroll={onScroll} aria-live="polite" data-testid="chat-messages">
          {entries.length > shown.length ? (
            <li className="chat-earlier">
              <button type="button" data-testid="chat-show-earlier" onClick={() => setWindowSize((size) => size + THREAD_WINDOW)}>
                {t('chatShowEarlier')}
              </button>
            </li>
          ) : null}
          {shown.map((entry) => (
            <ChatEntry key={entry.id} entry={entry} approved={approved} onOpenAttachment={chats ? openAttachment : null} />
          ))}
        </ol>
        {!following ? (
          <button type="button" className="chat-new-messages" data-testid="chat-new-messages" onClick={jumpToNewest}>
            {unread > 0 ? t('chatNewMessagesCount', String(unread)) : t('chatNewMessages')}
          </button>
        ) : null}
      </div>
      {typingUntil > now ? (
        <p className="chat-typing muted" data-testid="chat-typing">
          {t('chatCustomerTyping')}
        </p>
      ) : null}
      {link === 'ended' ? (
        <p className="muted" data-testid="chat-ended">
          {t('chatEnded')}
        </p>
      ) : null}
      {canReply && chats ? (
        <ChatComposer
          contactId={contactId}
          actions={{
            send: (text) => chats.sendChat(contactId, text),
            typing: () => chats.typing(contactId),
            sendAttachment: (file) => chats.sendAttachment(contactId, file),
          }}
          masker={replyMasker}
          replyCheck={replyCheck}
          attachmentsAllowed={attachmentsAllowed}
          offline={link === 'lost' || link === 'expired'}
        />
      ) : null}
    </section>
  );
}

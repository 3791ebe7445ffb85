import { useState, type FormEvent } from 'react';
import type { ChatMessageView } from '../../core/chat/ChatMessageView.ts';
import { t } from '../../platform/i18n.ts';
import type { LinkPolicy } from '../../core/origins/LinkPolicy.ts';
import { LinkifiedText } from './LinkifiedText.tsx';

export function ChatPanel({
  contactId,
  messages,
  canSend,
  onSend,
  approved,
}: {
  contactId: string;
  messages: ChatMessageView[];
  canSend: boolean;
  onSend: (contactId: string, text: string) => Promise<void>;
  approved: LinkPolicy;
}) {
  const [draft, setDraft] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    void onSend(contactId, text).then(() => setDraft(''));
  };
  return (
    <section className="chat" data-testid="chat" data-contact-id={contactId} aria-label={t('chatTitle')}>
      <ol className="chat-messages" aria-live="polite">
        {messages.map((message) => (
          <li key={message.id} className={`chat-message from-${message.role}`} data-testid="chat-message" data-role={message.role}>
            <span className="chat-author">{message.displayName || t(`role_${message.role}`)}</span>
            {/* Rendered as text: chat content is customer-controlled and never becomes markup; only approved links are links. */}
            <span className="chat-text">
              <LinkifiedText text={message.text} approved={approved} />
            </span>
          </li>
        ))}
      </ol>
      {canSend ? (
        <form className="chat-compose" onSubmit={submit}>
          <input
            data-testid="chat-input"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder={t('chatPlaceholder')}
            aria-label={t('chatPlaceholder')}
            maxLength={1024}
          />
          <button type="submit" data-testid="chat-send">
            {t('send')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

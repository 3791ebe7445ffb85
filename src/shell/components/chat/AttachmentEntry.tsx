import { useState } from 'react';
import type { ChatAttachmentView } from '../../../core/chat/ChatMessageView.ts';
import { formatFileSize } from '../../../core/chat/formatFileSize.ts';
import { t } from '../../../platform/i18n.ts';
import type { AttachmentOpenResult } from '../../../connect/chatFeed.ts';

/**
 * A file in the chat by its masked name, type and size. It is never shown inline: "Download"
 * fetches it through the participant service, only from an approved host, and saves it to disk.
 */
export function AttachmentEntry({
  attachment,
  onOpen,
}: {
  attachment: ChatAttachmentView;
  onOpen: ((attachment: ChatAttachmentView) => Promise<AttachmentOpenResult>) | null;
}) {
  const [outcome, setOutcome] = useState<AttachmentOpenResult | 'opening' | null>(null);
  const open = () => {
    if (!onOpen) return;
    setOutcome('opening');
    void onOpen(attachment).then(setOutcome);
  };
  return (
    <div className="chat-attachment" data-testid="chat-attachment">
      <span className="chat-attachment-name" data-testid="chat-attachment-name">
        {attachment.name || t('chatAttachmentUnnamed')}
      </span>
      <span className="muted">
        {attachment.contentType || t('chatAttachmentUnknownType')} ·{' '}
        {attachment.sizeBytes === null ? t('chatAttachmentSizeUnknown') : formatFileSize(attachment.sizeBytes)}
      </span>
      {attachment.status === 'approved' && onOpen ? (
        <button type="button" data-testid="chat-attachment-open" onClick={open} disabled={outcome === 'opening'}>
          {t('chatAttachmentDownload')}
        </button>
      ) : attachment.status === 'rejected' ? (
        <span className="muted">{t('chatAttachmentRejected')}</span>
      ) : null}
      {outcome === 'not_approved' ? (
        <span role="alert" className="chat-problem" data-testid="chat-attachment-problem">
          {t('chatAttachmentHostNotApproved')}
        </span>
      ) : outcome === 'failed' ? (
        <span role="alert" className="chat-problem" data-testid="chat-attachment-problem">
          {t('chatAttachmentFailed')}
        </span>
      ) : outcome === 'opened' ? (
        <span className="muted" data-testid="chat-attachment-saved">
          {t('chatAttachmentSaved')}
        </span>
      ) : null}
    </div>
  );
}

import type { ChatAttachmentView, ChatMessageView } from '../../../core/chat/ChatMessageView.ts';
import type { LinkPolicy } from '../../../core/origins/LinkPolicy.ts';
import type { AttachmentOpenResult } from '../../../connect/chatFeed.ts';
import { t } from '../../../platform/i18n.ts';
import { LinkifiedText } from '../LinkifiedText.tsx';
import { AttachmentEntry } from './AttachmentEntry.tsx';
import { InteractiveMessage } from './InteractiveMessage.tsx';
import { MarkdownMessage } from './MarkdownMessage.tsx';

/** One entry of a thread. Everything in `entry` is display data, masked by the chat feed. */
export function ChatEntry({
  entry,
  approved,
  onOpenAttachment,
}: {
  entry: ChatMessageView;
  approved: LinkPolicy;
  onOpenAttachment: ((attachment: ChatAttachmentView) => Promise<AttachmentOpenResult>) | null;
}) {
  const author = entry.displayName || t(`role_${entry.role}`);
  if (entry.kind === 'event') {
    return (
      <li className="chat-event" data-testid="chat-event" data-event={entry.event}>
        {t(`chatEvent_${entry.event ?? 'joined'}`, author)}
      </li>
    );
  }
  return (
    <li className={`chat-message from-${entry.role}`} data-testid="chat-message" data-role={entry.role} data-kind={entry.kind}>
      <span className="chat-author">{author}</span>
      <span className="chat-text">
        {entry.kind === 'markdown' && entry.markdown ? (
          <MarkdownMessage nodes={entry.markdown} />
        ) : entry.kind === 'interactive' && entry.interactive ? (
          <InteractiveMessage view={entry.interactive} />
        ) : entry.kind === 'attachment' && entry.attachments ? (
          entry.attachments.map((attachment) => <AttachmentEntry key={attachment.attachmentId} attachment={attachment} onOpen={onOpenAttachment} />)
        ) : (
          // Rendered as text: chat content is customer-controlled and never becomes markup; only approved links are links.
          <LinkifiedText text={entry.text} approved={approved} />
        )}
      </span>
    </li>
  );
}

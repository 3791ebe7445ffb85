import type { InteractiveView } from './InteractiveView.ts';
import type { MarkdownNode } from './MarkdownNode.ts';

export type ChatRole = 'customer' | 'agent' | 'system';

/** A file in the transcript: masked name, type and (when known) size. Never its content. */
export interface ChatAttachmentView {
  attachmentId: string;
  name: string;
  contentType: string;
  sizeBytes: number | null;
  status: 'approved' | 'rejected' | 'in_progress';
}

export type ChatEventKind = 'joined' | 'left' | 'transferred' | 'transfer_failed' | 'ended' | 'idle' | 'returned';

/**
 * One entry of a chat thread as the shell renders it. Everything in it is display data: text is
 * masked, Markdown is a sanitized tree with masked text, links carry an href only when approved.
 * `text` is always the entry's plain masked text (for the preview report, screen readers, search).
 */
export interface ChatMessageView {
  id: string;
  contactId: string;
  role: ChatRole;
  displayName: string;
  text: string;
  at: number;
  kind: 'text' | 'markdown' | 'interactive' | 'attachment' | 'event';
  markdown?: MarkdownNode[];
  interactive?: InteractiveView;
  attachments?: ChatAttachmentView[];
  event?: ChatEventKind;
}

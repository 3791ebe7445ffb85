import type { LinkPolicy } from '../origins/LinkPolicy.ts';
import { buildMarkdownTree, markdownText } from './buildMarkdownTree.ts';
import { CHAT_CONTENT_TYPES } from './chatContentTypes.ts';
import type { ChatAttachmentView, ChatEventKind, ChatMessageView, ChatRole } from './ChatMessageView.ts';
import type { InteractiveView } from './InteractiveView.ts';
import type { SanitizedNode } from './MarkdownNode.ts';
import { readInteractiveMessage, readInteractiveResponse } from './readInteractiveMessage.ts';
import type { TextMasker } from './TextMasker.ts';

/** The fields of a Participant Service transcript item that the shell uses. */
export interface RawChatItem {
  Id?: unknown;
  Type?: unknown;
  ContentType?: unknown;
  Content?: unknown;
  ParticipantRole?: unknown;
  DisplayName?: unknown;
  AbsoluteTime?: unknown;
  Attachments?: unknown;
}

/** What building a view needs besides the item: the engine, the approved origins and the page's sanitizer. */
export interface ChatViewContext {
  masker: TextMasker;
  approved: LinkPolicy;
  /** Markdown source → what DOMPurify kept. Runs in the page (DOMPurify needs a DOM); absent → Markdown shown as text. */
  sanitizeMarkdown?: (source: string) => SanitizedNode[];
  now: number;
}

const EVENT_KINDS: Readonly<Record<string, ChatEventKind>> = {
  [CHAT_CONTENT_TYPES.participantJoined]: 'joined',
  [CHAT_CONTENT_TYPES.participantLeft]: 'left',
  [CHAT_CONTENT_TYPES.transferSucceeded]: 'transferred',
  [CHAT_CONTENT_TYPES.transferFailed]: 'transfer_failed',
  [CHAT_CONTENT_TYPES.chatEnded]: 'ended',
  [CHAT_CONTENT_TYPES.participantIdle]: 'idle',
  [CHAT_CONTENT_TYPES.participantReturned]: 'returned',
};

/** Markdown longer than Connect's 16 KiB message limit is not parsed, only masked as text. */
const MAX_MARKDOWN_SOURCE = 16_384;
const MAX_ATTACHMENTS = 5;
const MAX_NAME = 200;

/** An event the thread shows (joined, left, ended…), as opposed to typing and receipts. */
export function isThreadEvent(contentType: unknown): boolean {
  return typeof contentType === 'string' && Object.hasOwn(EVENT_KINDS, contentType);
}

/**
 * Turns a chat item into a thread entry, or null when it is not something an agent reads
 * (typing, receipts, acknowledgements). Text, display names and attachment names are
 * customer-controlled: all of them are masked here, before anything enters UI state.
 * `maskedContent` is the content already masked together with the messages around it
 * (`createMessageRuns`); without it the content is masked on its own.
 */
export function buildChatMessageView(contactId: string, item: RawChatItem, context: ChatViewContext, maskedContent?: string): ChatMessageView | null {
  if (typeof item.Id !== 'string' || typeof item.ContentType !== 'string') return null;
  const { masker } = context;
  const base = {
    id: item.Id,
    contactId,
    role: roleOf(item.ParticipantRole),
    displayName: typeof item.DisplayName === 'string' ? masker.maskText(item.DisplayName).display.slice(0, MAX_NAME) : '',
    at: timeOf(item.AbsoluteTime, context.now),
  };
  if (item.Type === 'ATTACHMENT') {
    const attachments = readAttachments(item.Attachments, masker);
    if (attachments.length === 0) return null;
    return { ...base, kind: 'attachment', text: attachments.map((attachment) => attachment.name).join(', '), attachments };
  }
  if (item.Type === 'EVENT') {
    const event = EVENT_KINDS[item.ContentType];
    return event === undefined ? null : { ...base, kind: 'event', text: '', event };
  }
  if (item.Type !== 'MESSAGE' || typeof item.Content !== 'string') return null;
  const content = item.Content;
  const masked = (): string => maskedContent ?? masker.maskText(content).display;
  switch (item.ContentType) {
    case CHAT_CONTENT_TYPES.plain:
      return { ...base, kind: 'text', text: masked() };
    case CHAT_CONTENT_TYPES.markdown: {
      if (!context.sanitizeMarkdown || content.length > MAX_MARKDOWN_SOURCE) return { ...base, kind: 'text', text: masked() };
      // Masked before parsing too: a secret the parser would rewrite (entities, escapes) is caught again on the text nodes.
      const tree = buildMarkdownTree(context.sanitizeMarkdown(masked()), masker, context.approved);
      return { ...base, kind: 'markdown', text: markdownText(tree), markdown: tree };
    }
    case CHAT_CONTENT_TYPES.interactive: {
      const interactive = readInteractiveMessage(content, masker);
      return { ...base, kind: 'interactive', text: interactiveText(interactive), interactive };
    }
    case CHAT_CONTENT_TYPES.interactiveResponse:
      return { ...base, kind: 'text', text: readInteractiveResponse(content, masker) };
    default:
      return null;
  }
}

function roleOf(role: unknown): ChatRole {
  return role === 'AGENT' ? 'agent' : role === 'CUSTOMER' ? 'customer' : 'system';
}

function timeOf(value: unknown, now: number): number {
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(at) ? at : now;
}

function readAttachments(value: unknown, masker: TextMasker): ChatAttachmentView[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_ATTACHMENTS).flatMap((entry: unknown): ChatAttachmentView[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const record = entry as Record<string, unknown>;
    if (typeof record.AttachmentId !== 'string') return [];
    const name = typeof record.AttachmentName === 'string' ? masker.maskText(record.AttachmentName).display.slice(0, MAX_NAME) : '';
    const status = record.Status === 'APPROVED' ? 'approved' : record.Status === 'REJECTED' ? 'rejected' : 'in_progress';
    const size = record.AttachmentSizeInBytes;
    return [
      {
        attachmentId: record.AttachmentId,
        name,
        contentType: typeof record.ContentType === 'string' ? record.ContentType.slice(0, 100) : '',
        sizeBytes: typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : null,
        status,
      },
    ];
  });
}

function interactiveText(view: InteractiveView): string {
  const own = [view.title, view.subtitle, ...view.options].filter((line) => line !== '');
  return [...own, ...view.sections.map(interactiveText)].join('\n');
}

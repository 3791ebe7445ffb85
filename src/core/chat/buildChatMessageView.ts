import type { ContactMasker } from '../contact/ContactMasker.ts';
import type { ChatMessageView } from './ChatMessageView.ts';

/** The fields of a Participant Service transcript item that the shell uses. */
export interface RawChatItem {
  Id?: unknown;
  Type?: unknown;
  ContentType?: unknown;
  Content?: unknown;
  ParticipantRole?: unknown;
  DisplayName?: unknown;
  AbsoluteTime?: unknown;
}

const SHOWN_CONTENT_TYPES = new Set(['text/plain', 'text/markdown']);

/**
 * Turns a chat item into a message view, or null when it is not a message an agent reads
 * (typing, receipts, joins). Text and display names are customer-controlled: both are masked.
 */
export function buildChatMessageView(contactId: string, item: RawChatItem, masker: ContactMasker, now: number): ChatMessageView | null {
  if (item.Type !== 'MESSAGE' || typeof item.ContentType !== 'string' || !SHOWN_CONTENT_TYPES.has(item.ContentType)) return null;
  if (typeof item.Id !== 'string' || typeof item.Content !== 'string') return null;
  const role = item.ParticipantRole === 'AGENT' ? 'agent' : item.ParticipantRole === 'CUSTOMER' ? 'customer' : 'system';
  const at = typeof item.AbsoluteTime === 'string' ? Date.parse(item.AbsoluteTime) : Number.NaN;
  return {
    id: item.Id,
    contactId,
    role,
    displayName: typeof item.DisplayName === 'string' ? masker.maskText(item.DisplayName).display : '',
    text: masker.maskText(item.Content).display,
    at: Number.isFinite(at) ? at : now,
  };
}

import type { ContactMasker } from '../contact/ContactMasker.ts';
import type { TextMasker } from './TextMasker.ts';

/**
 * Chat's view of the masker: what a chat message sets off (a message that failed closed,
 * sensitive authentication data) is audited with the source `chat`, so a SIEM query can tell a
 * chat incident from other free text the shell masks, and with the chat's contact once the feed
 * asks `forContact`.
 */
export function chatTextMasker(masker: Pick<ContactMasker, 'maskText' | 'maskAdjacentTexts'>, contactId?: string): TextMasker {
  return {
    maskText: (text) => masker.maskText(text, 'chat', contactId),
    maskAdjacentTexts: (texts) => masker.maskAdjacentTexts(texts, 'chat', contactId),
    forContact: (id) => chatTextMasker(masker, id),
  };
}

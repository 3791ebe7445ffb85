import type { ContactMasker } from '../contact/ContactMasker.ts';
import type { TextMasker } from './TextMasker.ts';

/**
 * Chat's view of the masker: what a chat message sets off (a message that failed closed,
 * sensitive authentication data) is audited with the source `chat`, so a SIEM query can tell a
 * chat incident from other free text the shell masks.
 */
export function chatTextMasker(masker: Pick<ContactMasker, 'maskText' | 'maskAdjacentTexts'>): TextMasker {
  return {
    maskText: (text) => masker.maskText(text, 'chat'),
    maskAdjacentTexts: (texts) => masker.maskAdjacentTexts(texts, 'chat'),
  };
}

import type { SensitiveKind } from '../policy/Policy.ts';
import { ENGLISH_LABELS, type MaskLabels } from './displayFormat.ts';

/** The message key of a kind's label in `_locales/<lang>/messages.json`. */
export function maskLabelKey(kind: SensitiveKind): string {
  return `maskLabel_${kind}`;
}

/**
 * Labels from a parsed `messages.json` (the same file `chrome.i18n` reads in the extension), for
 * the CLI and the tests; a missing entry falls back to English rather than to the key.
 */
export function maskLabelsFromMessages(messages: unknown): MaskLabels {
  return (kind) => {
    if (typeof messages !== 'object' || messages === null) return ENGLISH_LABELS(kind);
    const entry: unknown = (messages as Record<string, unknown>)[maskLabelKey(kind)];
    if (typeof entry === 'object' && entry !== null && 'message' in entry && typeof entry.message === 'string') return entry.message;
    return ENGLISH_LABELS(kind);
  };
}

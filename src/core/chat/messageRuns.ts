import { CHAT_CONTENT_TYPES } from './chatContentTypes.ts';
import { isThreadEvent, type RawChatItem } from './buildChatMessageView.ts';
import { growMasking, maskingOf, type Masking } from './growMasking.ts';
import type { TextMasker } from './TextMasker.ts';

/** At most this many messages in a row are read together; then a new run starts with the last `RUN_OVERLAP`. */
export const MAX_RUN = 8;
export const RUN_OVERLAP = 3;

/** A message's content masked with its neighbours in the run (not on its own). */
export interface RunMasking {
  /** The new item's masked content, or null when it is masked on its own (no run yet). */
  content: string | null;
  /** Earlier items of the run whose display changes now that the next message showed what they held. */
  revisions: { item: RawChatItem; content: string }[];
}

interface RunEntry {
  item: RawChatItem & { Content: string };
  /** Masked display last shown for it, and the raw offsets it hides (never raw text). */
  shown: Masking;
  /** Came over from the previous run: its display there may rest on messages this run no longer holds. */
  carried: boolean;
  joint: boolean;
}

/**
 * A customer who pastes a card number in two messages ("4111 1111", then "1111 1111") writes a
 * secret no single message holds. Messages in a row from one role (plain or Markdown) are read
 * together by the engine; when a new one arrives, earlier ones whose display changes are revised,
 * so both parts end up masked. Items never shown (typing, receipts) do not break a run; anything
 * else shown (an attachment, an event, an interactive message) does. The run holds at most
 * `MAX_RUN` raw messages of one chat, in the adapter's memory only.
 *
 * Masking only grows. A carried message that was already masked jointly may have lost the
 * partners that showed what it held (they stayed in the previous run), so the next run's reading
 * of it is joined with what it already hid, never put in its place: what either reading hides
 * stays hidden. Inside a run, reading more neighbours only adds findings.
 */
export function createMessageRuns(): { add(item: RawChatItem, masker: TextMasker): RunMasking; clear(): void } {
  let run: RunEntry[] = [];
  return {
    add(item, masker) {
      if (!isJoinable(item)) {
        if (isShown(item)) run = [];
        return { content: null, revisions: [] };
      }
      const first = run[0];
      if (first !== undefined && first.item.ParticipantRole !== item.ParticipantRole) run = [];
      if (run.length >= MAX_RUN) run = run.slice(-RUN_OVERLAP).map((entry) => ({ ...entry, carried: true }));
      const single = masker.maskText(item.Content);
      const alone = maskingOf(item.Content, single.display, single.findings);
      run.push({ item, shown: alone, carried: false, joint: false });
      if (run.length === 1) return { content: null, revisions: [] };
      const read = masker.maskAdjacentTexts(run.map((entry) => entry.item.Content));
      const revisions: RunMasking['revisions'] = [];
      run.forEach((entry, index) => {
        const display = read.displays[index];
        if (display === undefined || display === entry.shown.display || index === run.length - 1) return;
        const next = maskingOf(entry.item.Content, display, read.findings[index] ?? []);
        const grown = entry.carried && entry.joint ? growMasking(entry.item.Content, entry.shown, next) : next;
        if (grown.display === entry.shown.display) return;
        entry.shown = grown;
        entry.joint = true;
        revisions.push({ item: entry.item, content: grown.display });
      });
      const last = run[run.length - 1];
      const lastDisplay = read.displays[run.length - 1];
      const content = lastDisplay === undefined ? alone : maskingOf(item.Content, lastDisplay, read.findings[run.length - 1] ?? []);
      if (last !== undefined) {
        last.shown = content;
        last.joint = content.display !== alone.display;
      }
      return { content: content.display, revisions };
    },
    clear() {
      run = [];
    },
  };
}

function isJoinable(item: RawChatItem): item is RawChatItem & { Content: string } {
  return (
    item.Type === 'MESSAGE' &&
    typeof item.Content === 'string' &&
    (item.ContentType === CHAT_CONTENT_TYPES.plain || item.ContentType === CHAT_CONTENT_TYPES.markdown)
  );
}

/** Typing events and receipts are not in the thread; they must not cut a run in two. */
function isShown(item: RawChatItem): boolean {
  if (item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT') return true;
  return item.Type === 'EVENT' && isThreadEvent(item.ContentType);
}

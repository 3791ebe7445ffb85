import type { TextMasker } from './TextMasker.ts';

/** What the policy says about a reply that carries a secret: `warn` lets the agent confirm, `block` refuses. */
export type ReplyCheckMode = 'warn' | 'block';

export type ReplyVerdict = { outcome: 'send' } | { outcome: 'warn' | 'block'; kinds: string[] };

/** Kinds an agent must not echo back into a transcript: card numbers and national IDs. */
const CHECKED_KINDS = new Set(['pan', 'ssn', 'myNumber']);

/**
 * Checks what the agent is about to send with the same engine that masks customer text, so
 * that an agent does not paste a card number or national ID back into the transcript.
 */
export function checkAgentReply(text: string, masker: TextMasker, mode: ReplyCheckMode): ReplyVerdict {
  const kinds = [
    ...new Set(
      masker
        .maskText(text)
        .findings.map((finding) => finding.kind)
        .filter((kind) => CHECKED_KINDS.has(kind)),
    ),
  ];
  return kinds.length === 0 ? { outcome: 'send' } : { outcome: mode, kinds };
}

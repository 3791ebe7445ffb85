import { isSensitiveAuthFinding } from '../masking/detectors/sensitiveAuth.ts';
import type { TextMasker } from './TextMasker.ts';

/** What the policy says about a reply that carries a secret: `warn` lets the agent confirm, `block` refuses. */
export type ReplyCheckMode = 'warn' | 'block';

/** A kind of secret a reply is checked for; `sensitiveAuth` is a security code, PIN, one-time code or password. */
type ReplyCheckedKind = 'pan' | 'ssn' | 'myNumber' | 'sensitiveAuth';

export type ReplyVerdict = { outcome: 'send' } | { outcome: 'warn' | 'block'; kinds: ReplyCheckedKind[] };

function checkedKind(finding: { kind: string; detector: string }): ReplyCheckedKind | null {
  // Authentication data is found as a `secret`; other secrets (an expiry, a token) may be read back.
  if (isSensitiveAuthFinding(finding)) return 'sensitiveAuth';
  switch (finding.kind) {
    case 'pan':
    case 'ssn':
    case 'myNumber':
      return finding.kind;
    default:
      return null;
  }
}

/**
 * Checks what the agent is about to send with the same engine that masks customer text, so
 * that an agent does not paste a card number, a national ID or a security code back into the
 * transcript, where every later reader of the chat would see it.
 */
export function checkAgentReply(text: string, masker: TextMasker, mode: ReplyCheckMode): ReplyVerdict {
  const kinds = new Set<ReplyCheckedKind>();
  for (const finding of masker.maskText(text).findings) {
    const kind = checkedKind(finding);
    if (kind !== null) kinds.add(kind);
  }
  return kinds.size === 0 ? { outcome: 'send' } : { outcome: mode, kinds: [...kinds] };
}

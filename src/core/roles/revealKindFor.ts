import { NEVER_REVEALED } from '../masking/neverRevealed.ts';
import type { RoleSettings, SensitiveKind } from '../policy/Policy.ts';
import { SENSITIVE_KINDS } from '../policy/policyVocabulary.ts';
import { canReveal } from './canReveal.ts';
import type { Role } from './Role.ts';

/**
 * The kind a supervisor may reveal in an attribute, or null when no reveal is offered. Every kind
 * found must be revealable, or one that a reveal keeps masked anyway (cards, ciphertext); at least
 * one must actually be revealable. An unknown kind blocks the reveal: fail closed.
 */
export function revealKindFor(kinds: readonly string[], role: Role, roles: RoleSettings | undefined): SensitiveKind | null {
  let revealable: SensitiveKind | null = null;
  for (const kind of kinds) {
    if (!isSensitiveKind(kind)) return null;
    if (canReveal(kind, role, roles)) revealable ??= kind;
    else if (!NEVER_REVEALED.has(kind)) return null;
  }
  return revealable;
}

function isSensitiveKind(kind: string): kind is SensitiveKind {
  return (SENSITIVE_KINDS as readonly string[]).includes(kind);
}

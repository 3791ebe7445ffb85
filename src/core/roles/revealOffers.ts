import type { RoleSettings, SensitiveKind } from '../policy/Policy.ts';
import { SENSITIVE_KINDS } from '../policy/policyVocabulary.ts';
import { canReveal } from './canReveal.ts';
import type { Role } from './Role.ts';

/**
 * The kinds a supervisor may reveal in a value whose masked view lists `kinds`, in that order;
 * empty when no reveal is offered. A reveal shows only the findings of the kind it names, so the
 * other kinds in the same value (revealable or not, known or not) stay masked and do not stop it.
 */
export function revealOffers(kinds: readonly string[], role: Role, roles: RoleSettings | undefined): SensitiveKind[] {
  const offers: SensitiveKind[] = [];
  for (const kind of kinds) {
    if (isSensitiveKind(kind) && canReveal(kind, role, roles) && !offers.includes(kind)) offers.push(kind);
  }
  return offers;
}

function isSensitiveKind(kind: string): kind is SensitiveKind {
  return (SENSITIVE_KINDS as readonly string[]).includes(kind);
}

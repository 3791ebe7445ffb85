import type { RoleSettings, SensitiveKind } from '../policy/Policy.ts';
import type { Role } from './Role.ts';
import { NEVER_REVEALED } from '../masking/neverRevealed.ts';

/** Whether `role` may reveal a value of `kind` under the policy's role settings. Nothing is revealable by default. */
export function canReveal(kind: SensitiveKind, role: Role, roles: RoleSettings | undefined): boolean {
  if (role !== 'supervisor' || roles?.elevatedViewAllowed !== true) return false;
  if (NEVER_REVEALED.has(kind)) return false;
  return (roles.revealableKinds ?? []).includes(kind);
}

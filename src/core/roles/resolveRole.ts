import type { RoleSettings } from '../policy/Policy.ts';
import type { AgentIdentity, Role } from './Role.ts';

/**
 * Supervisor only when this browser's policy allows an elevated view at all and the identity is
 * on one of its lists; anything missing or unexpected means agent. Usernames compare
 * case-insensitively (Connect treats them so); routing profiles and permissions exactly.
 */
export function resolveRole(roles: RoleSettings | undefined, identity: AgentIdentity): Role {
  if (roles?.elevatedViewAllowed !== true) return 'agent';
  const match = roles.supervisors;
  if (!match) return 'agent';
  const username = identity.username.toLowerCase();
  const byName = (match.usernames ?? []).some((u) => u.toLowerCase() === username);
  const byProfile = (match.routingProfiles ?? []).includes(identity.routingProfile);
  const byPermission = (match.permissions ?? []).some((p) => identity.permissions.includes(p));
  return byName || byProfile || byPermission ? 'supervisor' : 'agent';
}

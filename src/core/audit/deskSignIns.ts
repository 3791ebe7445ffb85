import type { RoleSettings } from '../policy/Policy.ts';
import { resolveRole } from '../roles/resolveRole.ts';
import type { AgentIdentity } from '../roles/Role.ts';

/**
 * Who each open desk page said was signed in to its CCP, as the worker keeps it. The audit view
 * is answered from this, never from what a request claims: a page asking for the audit trail
 * gets it only when its own document's sign-in is a supervisor's.
 */
export interface DeskSignIn {
  /** Chrome's ID of the page's document (a reload is a new document). */
  documentId: string;
  /** The first identity the document reported; it never changes afterwards. */
  identity: AgentIdentity;
  /** The document reported a second, different identity: it is refused the audit view for good. */
  contested: boolean;
}

export type SignInVerdict = 'recorded' | 'same' | 'contested' | 'conflict';

/**
 * A desk page reports its signed-in user. Kept only for documents still open (`liveDocumentIds`).
 * The first report of a document binds it; a different later one contests it (fail closed: the
 * document keeps its first identity and loses the audit view). A document may not claim a user
 * other than the one another open desk of this browser has: side panel and tab share one CCP
 * session, so two different users at once means one of them is made up.
 */
export function claimDeskSignIn(
  signIns: readonly DeskSignIn[],
  claim: { documentId: string; identity: AgentIdentity },
  liveDocumentIds: ReadonlySet<string>,
): { signIns: DeskSignIn[]; verdict: SignInVerdict } {
  const live = signIns.filter((signIn) => liveDocumentIds.has(signIn.documentId) || signIn.documentId === claim.documentId);
  const own = live.find((signIn) => signIn.documentId === claim.documentId);
  if (own !== undefined) {
    if (sameIdentity(own.identity, claim.identity)) return { signIns: live, verdict: own.contested ? 'contested' : 'same' };
    return { signIns: live.map((signIn) => (signIn === own ? { ...own, contested: true } : signIn)), verdict: 'contested' };
  }
  if (live.some((signIn) => !sameUser(signIn.identity, claim.identity))) return { signIns: live, verdict: 'conflict' };
  return { signIns: [...live, { documentId: claim.documentId, identity: claim.identity, contested: false }], verdict: 'recorded' };
}

/**
 * The username whose audit view a document may see, or null: only a document with an
 * uncontested sign-in whom this browser's policy makes a supervisor.
 */
export function auditViewerOf(signIns: readonly DeskSignIn[], documentId: string, roles: RoleSettings | undefined): string | null {
  const own = signIns.find((signIn) => signIn.documentId === documentId);
  if (own === undefined || own.contested) return null;
  return resolveRole(roles, own.identity) === 'supervisor' ? own.identity.username : null;
}

/** Connect compares usernames case-insensitively. */
function sameUser(a: AgentIdentity, b: AgentIdentity): boolean {
  return a.username.toLowerCase() === b.username.toLowerCase();
}

/** The whole identity: a routing profile or a permission added later could make an agent a supervisor. */
function sameIdentity(a: AgentIdentity, b: AgentIdentity): boolean {
  return (
    sameUser(a, b) &&
    a.routingProfile === b.routingProfile &&
    a.permissions.length === b.permissions.length &&
    a.permissions.every((permission) => b.permissions.includes(permission))
  );
}

/** Session storage holds what any extension page could have written: read it back leniently, dropping what does not fit. */
export function readDeskSignIns(value: unknown): DeskSignIn[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { documentId, identity, contested } = item as Record<string, unknown>;
    const parsed = parseAgentIdentity(identity);
    return typeof documentId === 'string' && parsed !== null && typeof contested === 'boolean' ? [{ documentId, identity: parsed, contested }] : [];
  });
}

const MAX_NAME = 256;
const MAX_PERMISSIONS = 200;

/** A desk's report of its signed-in user, as the worker reads it. */
export function parseAgentIdentity(value: unknown): AgentIdentity | null {
  if (typeof value !== 'object' || value === null) return null;
  const { username, routingProfile, permissions } = value as Record<string, unknown>;
  if (typeof username !== 'string' || username.length === 0 || username.length > MAX_NAME) return null;
  if (typeof routingProfile !== 'string' || routingProfile.length > MAX_NAME) return null;
  if (!Array.isArray(permissions) || permissions.length > MAX_PERMISSIONS) return null;
  if (!permissions.every((permission): permission is string => typeof permission === 'string' && permission.length <= MAX_NAME)) return null;
  return { username, routingProfile, permissions: [...permissions] };
}

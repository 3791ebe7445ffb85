import type { PolicyState } from '../config/PolicyState.ts';

/**
 * The page's check of the worker's policy verdict (from a reply or from session storage). It
 * checks the discriminant and the fields each status needs, not every setting: the worker built
 * the value from a validated policy; this catches a reply that is not a verdict at all (another
 * listener's answer, an old stored format) so the page fails closed instead of reading `undefined`.
 */
export function parsePolicyStateReply(value: unknown): PolicyState | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.checkedAt !== 'string') return null;
  switch (candidate.status) {
    case 'ok':
      return isObject(candidate.policy) && isObject(candidate.provenance) && Array.isArray(candidate.ignoredLocal) ? (value as PolicyState) : null;
    case 'invalid-managed':
    case 'invalid-local':
      return Array.isArray(candidate.errors) ? (value as PolicyState) : null;
    case 'missing':
      return Array.isArray(candidate.missing) && typeof candidate.message === 'string' ? (value as PolicyState) : null;
    default:
      return null;
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

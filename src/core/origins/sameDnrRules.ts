import type { DnrRule } from './DnrRule.ts';

/**
 * Whether the rules Chrome holds (`getDynamicRules()`) are exactly the ones wanted: same ids, and
 * every field of every rule the same, whatever the key order. Lists keep their order (a rule's
 * domains or headers in another order are counted as different: reinstalling is the safe side).
 * Dynamic rules outlive a stopped worker and a browser restart, so a woken worker whose policy
 * did not change finds its own rules here and need not rewrite them.
 */
export function sameDnrRules(installed: readonly unknown[], wanted: readonly DnrRule[]): boolean {
  if (installed.length !== wanted.length) return false;
  const byId = new Map<unknown, unknown>();
  for (const rule of installed) byId.set(typeof rule === 'object' && rule !== null ? (rule as { id?: unknown }).id : undefined, rule);
  return byId.size === wanted.length && wanted.every((rule) => sameValue(byId.get(rule.id), rule));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // A field set to `undefined` is no field: Chrome returns only the fields a rule has.
  const keysOf = (value: object) => Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  const aKeys = keysOf(a);
  const bKeys = keysOf(b);
  return aKeys.length === bKeys.length && aKeys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

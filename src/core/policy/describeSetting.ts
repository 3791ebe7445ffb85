import type { EffectivePolicy } from './EffectivePolicy.ts';
import { valueAt } from './jsonPointer.ts';

/**
 * A short, safe summary of one effective setting for the options page. Lists that may hold
 * customer data (the deny list of caller numbers) are shown as a count, never their entries.
 */
export function describeSetting(policy: EffectivePolicy, pointer: string): string {
  if (pointer === '/risk/denyList') return `${policy.risk.denyList.length} number(s)`;
  const value = valueAt(policy, pointer);
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.length === 0 ? '—' : value.join(', ');
  return JSON.stringify(value);
}

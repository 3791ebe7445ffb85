import type { EffectivePolicy } from './EffectivePolicy.ts';
import { valueAt } from './jsonPointer.ts';

/**
 * A short, safe summary of one effective setting for the options page. Lists that may hold
 * customer data (the deny list of caller numbers) are shown as a count, never their entries.
 */
export type SettingSummary = { text: string } | { count: number };

export function describeSetting(policy: EffectivePolicy, pointer: string): SettingSummary {
  if (pointer === '/risk/denyList') return { count: policy.risk.denyList.length };
  return { text: summarize(policy, pointer) };
}

function summarize(policy: EffectivePolicy, pointer: string): string {
  const value = valueAt(policy, pointer);
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.length === 0 ? '—' : value.join(', ');
  return JSON.stringify(value);
}

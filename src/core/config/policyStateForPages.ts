import type { PolicyState } from './PolicyState.ts';

export const WITHHELD_ENTRY = '[withheld]';

/**
 * The verdict as pages may see it. The deny list holds customers' phone numbers: pages and
 * extension storage never get them (invariant 1) — only how many there are. Matching callers
 * against the list is the service worker's job, from the policy it holds in memory.
 */
export function policyStateForPages(state: PolicyState): PolicyState {
  if (state.status !== 'ok') return state;
  const { risk, audit } = state.policy;
  return {
    ...state,
    policy: {
      ...state.policy,
      risk: { ...risk, denyList: risk.denyList.map(() => WITHHELD_ENTRY) },
      // The collector's credentials are the worker's alone: pages learn only the header names.
      audit: { ...audit, headers: audit.headers.map((header) => ({ name: header.name, value: WITHHELD_ENTRY })) },
    },
  };
}

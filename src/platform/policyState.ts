import browser from 'webextension-polyfill';
import type { PolicyState } from '../core/config/PolicyState.ts';

export const POLICY_STATE_KEY = 'policyState';
export const POLICY_REFRESH_MESSAGE = 'connect-shield/policy-refresh';

/**
 * The service worker's current verdict. If the worker has not published one yet (it was asleep),
 * it is asked to compute it now.
 */
export async function readPolicyState(): Promise<PolicyState> {
  const stored = await browser.storage.session.get(POLICY_STATE_KEY);
  const state = stored[POLICY_STATE_KEY] as PolicyState | undefined;
  if (state) return state;
  return browser.runtime.sendMessage<unknown, PolicyState>({ type: POLICY_REFRESH_MESSAGE });
}

export function onPolicyStateChanged(callback: (state: PolicyState) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    const change = changes[POLICY_STATE_KEY];
    if (area === 'session' && change?.newValue) callback(change.newValue as PolicyState);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

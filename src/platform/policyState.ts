import browser from 'webextension-polyfill';
import type { PolicyState } from '../core/config/PolicyState.ts';
import { parsePolicyStateReply } from '../core/messaging/parsePolicyStateReply.ts';
import { NOTHING } from '../core/messaging/workerRequests.ts';
import { STORAGE_KEYS } from '../core/storage/storageKeys.ts';
import { callWorker } from './callWorker.ts';

const POLICY_STATE_KEY = STORAGE_KEYS.session.policyState;

/**
 * The service worker's current verdict. If the worker has not published one yet (it was asleep),
 * it is asked to compute it now.
 */
export async function readPolicyState(): Promise<PolicyState> {
  const stored = await browser.storage.session.get(POLICY_STATE_KEY);
  const state = parsePolicyStateReply(stored[POLICY_STATE_KEY]);
  if (state) return state;
  const result = await callWorker('policy.current', NOTHING);
  // No verdict means no CCP: the caller keeps showing "loading" rather than guessing a policy.
  if (!result.ok) throw new Error(`Connect Shield: the service worker gave no policy verdict (${result.error})`);
  return result.response;
}

export function onPolicyStateChanged(callback: (state: PolicyState) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    const change = changes[POLICY_STATE_KEY];
    const state = area === 'session' ? parsePolicyStateReply(change?.newValue) : null;
    if (state) callback(state);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

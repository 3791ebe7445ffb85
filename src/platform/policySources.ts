import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../core/storage/storageKeys.ts';

/** Where the policy comes from: the organization's managed storage and this browser's local settings. */
export interface PolicySources {
  managed: unknown;
  local: unknown;
}

const LOCAL_POLICY_KEY = STORAGE_KEYS.local.localPolicy;

export async function readPolicySources(): Promise<PolicySources> {
  const [managed, local] = await Promise.all([readManaged(), browser.storage.local.get(LOCAL_POLICY_KEY)]);
  return { managed, local: local[LOCAL_POLICY_KEY] };
}

export async function writeLocalPolicy(policy: unknown): Promise<void> {
  await browser.storage.local.set({ [LOCAL_POLICY_KEY]: policy });
}

/**
 * Managed storage is empty (not an error) when no policy is installed; it throws where the
 * platform has no managed storage at all. Either way there is no organization policy.
 */
async function readManaged(): Promise<unknown> {
  try {
    const all = await browser.storage.managed.get(null);
    return Object.keys(all).length === 0 ? undefined : all;
  } catch {
    return undefined;
  }
}

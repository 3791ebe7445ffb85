import type { RememberedInstance } from '../core/instances/instanceInForce.ts';
import { STORAGE_KEYS } from '../core/storage/storageKeys.ts';

/** Where the policy comes from: the organization's managed storage and this browser's local settings. */
export interface PolicySources {
  managed: unknown;
  local: unknown;
  /** IT force-installed the extension (`installType: "admin"`): local settings are never the whole story. */
  installedByPolicy: boolean;
  /** The instance the agent picked on this browser, as stored (unchecked: the core decides whether it counts). */
  chosenInstance: unknown;
}

const LOCAL_POLICY_KEY = STORAGE_KEYS.local.localPolicy;
const CHOSEN_INSTANCE_KEY = STORAGE_KEYS.local.chosenInstance;

/** `localRead`: local storage already read with the policy's keys in it (the worker's start-up read), or none to read it now. */
export async function readPolicySources(localRead?: Record<string, unknown>): Promise<PolicySources> {
  const [managed, local, installedByPolicy] = await Promise.all([
    readManaged(),
    localRead ?? chrome.storage.local.get([LOCAL_POLICY_KEY, CHOSEN_INSTANCE_KEY]),
    readInstalledByPolicy(),
  ]);
  return { managed, local: local[LOCAL_POLICY_KEY], installedByPolicy, chosenInstance: local[CHOSEN_INSTANCE_KEY] };
}

export async function writeChosenInstance(choice: RememberedInstance): Promise<void> {
  await chrome.storage.local.set({ [CHOSEN_INSTANCE_KEY]: choice });
}

export async function writeLocalPolicy(policy: unknown): Promise<void> {
  await chrome.storage.local.set({ [LOCAL_POLICY_KEY]: policy });
}

/** `management.getSelf` needs no permission. If it fails, assume the stricter answer. */
async function readInstalledByPolicy(): Promise<boolean> {
  try {
    return (await chrome.management.getSelf()).installType === 'admin';
  } catch {
    return true;
  }
}

/**
 * Managed storage is empty (not an error) when no policy is installed; it throws where the
 * platform has no managed storage at all. Either way there is no organization policy.
 */
async function readManaged(): Promise<unknown> {
  try {
    const all = await chrome.storage.managed.get(null);
    return Object.keys(all).length === 0 ? undefined : all;
  } catch {
    return undefined;
  }
}

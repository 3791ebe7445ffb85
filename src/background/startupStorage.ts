import { STORAGE_KEYS } from '../core/storage/storageKeys.ts';

/**
 * The local keys a woken worker reads before its first verdict — the layout version, the local
 * policy, the agent's chosen instance and the kept regex-safety verdicts — in one `get` instead of
 * one round trip each.
 */
export function readStartupLocal(): Promise<Record<string, unknown>> {
  return chrome.storage.local.get([
    STORAGE_KEYS.local.version,
    STORAGE_KEYS.local.localPolicy,
    STORAGE_KEYS.local.chosenInstance,
    STORAGE_KEYS.local.regexSafetyVerdicts,
  ]);
}

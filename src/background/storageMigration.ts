import { readStorageVersion, STORAGE_KEYS, STORAGE_VERSION, VERSION_0_SESSION_KEYS } from '../core/storage/storageKeys.ts';
import { pendingMigrations } from '../core/storage/storageMigrations.ts';

/**
 * Brings this browser's extension storage to the current layout. Runs at every worker start,
 * before any request is answered; a no-op once the data is current (one read of one key).
 * A newer version than this build knows (a downgrade) is left untouched.
 */
export async function migrateStorage(): Promise<void> {
  const versionKey = STORAGE_KEYS.local.version;
  const stored = readStorageVersion((await chrome.storage.local.get(versionKey))[versionKey]);
  if (stored >= STORAGE_VERSION) return;
  for (const migration of pendingMigrations(stored)) {
    const area = chrome.storage[migration.area];
    const changes = migration.plan(await area.get(null), Date.now());
    if (Object.keys(changes.set).length > 0) await area.set(changes.set);
    if (changes.remove.length > 0) await area.remove(changes.remove);
    await chrome.storage.local.set({ [versionKey]: migration.to });
  }
  if (stored === 0) await chrome.storage.session.remove([...VERSION_0_SESSION_KEYS]);
  await chrome.storage.local.set({ [versionKey]: STORAGE_VERSION });
}

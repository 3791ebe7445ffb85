import { readStorageVersion, STORAGE_KEYS, STORAGE_VERSION, VERSION_0_SESSION_KEYS } from '../core/storage/storageKeys.ts';
import { pendingMigrations } from '../core/storage/storageMigrations.ts';

/**
 * Brings this browser's extension storage to the current layout. Runs at every worker start,
 * before any request is answered; a no-op once the data is current (it only looks at the version
 * in `startupLocal`, the start-up read of src/background/startupStorage.ts). Returns that read when
 * nothing moved (still true, so the first verdict can use it), null after a migration. A newer
 * version than this build knows (a downgrade) is left untouched.
 */
export async function migrateStorage(startupLocal: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  const versionKey = STORAGE_KEYS.local.version;
  const stored = readStorageVersion(startupLocal[versionKey]);
  if (stored >= STORAGE_VERSION) return startupLocal;
  for (const migration of pendingMigrations(stored)) {
    const area = chrome.storage[migration.area];
    const changes = migration.plan(await area.get(null), Date.now());
    if (Object.keys(changes.set).length > 0) await area.set(changes.set);
    if (changes.remove.length > 0) await area.remove(changes.remove);
    await chrome.storage.local.set({ [versionKey]: migration.to });
  }
  if (stored === 0) await chrome.storage.session.remove([...VERSION_0_SESSION_KEYS]);
  await chrome.storage.local.set({ [versionKey]: STORAGE_VERSION });
  return null;
}

/**
 * An in-memory stand-in for a `chrome.storage` area as the worker's services take one (get by
 * keys, set, remove). Values are cloned in and out, as Chrome serializes them, so a test cannot
 * pass by mutating what it read.
 */
export function memoryStorageArea(): {
  items: Record<string, unknown>;
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(next: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
} {
  const items: Record<string, unknown> = {};
  return {
    items,
    async get(keys) {
      return Object.fromEntries(keys.filter((key) => key in items).map((key) => [key, structuredClone(items[key])]));
    },
    async set(next) {
      Object.assign(items, structuredClone(next));
    },
    async remove(keys) {
      for (const key of keys) delete items[key];
    },
  };
}

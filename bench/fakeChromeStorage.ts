/**
 * Just enough of `chrome.*` for the worker's audit modules to run in Node: `storage.local` keeps
 * each value as a JSON string (Chrome serializes what it stores, so a write costs a
 * serialization and a read a parse, as here), `alarms` records nothing (the export's own timers
 * drive delivery in the bench), `runtime` names the extension.
 */
export interface FakeChrome {
  /** Bytes (UTF-16 code units) of every stored value: what `storage.local` holds. */
  storedBytes(): number;
  /** Keys currently stored. */
  keys(): string[];
  install(): void;
}

export function fakeChrome(): FakeChrome {
  const items = new Map<string, string>();
  const pick = (keys: string | string[] | null | undefined): string[] =>
    keys === null || keys === undefined ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
  const local = {
    async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
      const found: Record<string, unknown> = {};
      for (const key of pick(keys)) {
        const text = items.get(key);
        if (text !== undefined) found[key] = JSON.parse(text) as unknown;
      }
      return found;
    },
    async set(values: Record<string, unknown>): Promise<void> {
      for (const [key, value] of Object.entries(values)) items.set(key, JSON.stringify(value));
    },
    async remove(keys: string | string[]): Promise<void> {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
  };
  const chromeStub = {
    storage: { local },
    alarms: { create: async () => undefined, clear: async () => true, onAlarm: { addListener: () => undefined } },
    runtime: { id: 'benchbenchbenchbenchbenchbenchbe', getManifest: () => ({ version: '0.0.0-bench' }) },
  };
  return {
    storedBytes: () => [...items.values()].reduce((sum, text) => sum + text.length, 0),
    keys: () => [...items.keys()],
    install() {
      Object.defineProperty(globalThis, 'chrome', { value: chromeStub, configurable: true, writable: true });
      if (!('navigator' in globalThis)) {
        Object.defineProperty(globalThis, 'navigator', { value: { language: 'en', userAgent: `Node ${process.version}` }, configurable: true });
      }
    },
  };
}

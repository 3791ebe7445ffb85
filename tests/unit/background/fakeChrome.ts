/**
 * The extension platform as the worker's services see it, in memory: storage areas (with
 * `onChanged`), `management.getSelf`, the dynamic declarativeNetRequest rules, `runtime.id` /
 * `getURL` and `webRequest.onErrorOccurred`. Installed as `globalThis.chrome` and handed to
 * `webextension-polyfill`'s mock, so the services run unchanged on top of it; only the platform
 * edge is fake.
 */
type Listener<Args extends unknown[]> = (...args: Args) => void;

export const FAKE_EXTENSION_ID = 'ojodoldnmcabjmcojfoebnmebmadjfdm';

class FakeArea {
  readonly data = new Map<string, unknown>();
  writes = 0;
  constructor(
    private readonly name: string,
    private readonly changed: Listener<[Record<string, { oldValue?: unknown; newValue?: unknown }>, string]>,
  ) {}

  get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const found: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) found[key] = structuredClone(this.data.get(key));
    return Promise.resolve(found);
  }

  set(items: Record<string, unknown>): Promise<void> {
    this.writes += 1;
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.data.get(key), newValue: value };
      this.data.set(key, structuredClone(value));
    }
    this.changed(changes, this.name);
    return Promise.resolve();
  }

  remove(keys: string | string[]): Promise<void> {
    this.writes += 1;
    for (const key of Array.isArray(keys) ? keys : [keys]) this.data.delete(key);
    return Promise.resolve();
  }
}

export interface FakeChrome {
  storage: { local: FakeArea; session: FakeArea; managed: FakeArea; onChanged: { addListener(listener: Listener<[Record<string, unknown>, string]>): void } };
  runtime: { id: string; getURL(path: string): string; getManifest(): { version: string } };
  management: { getSelf(): Promise<{ installType: string }> };
  declarativeNetRequest: {
    rules: { id: number }[];
    /** The next update is refused, as Chrome refuses a rule set it finds invalid. */
    refuseNext: boolean;
    getDynamicRules(): Promise<{ id: number }[]>;
    updateDynamicRules(update: { removeRuleIds: number[]; addRules: { id: number }[] }): Promise<void>;
  };
  webRequest: { errorListeners: Listener<[Record<string, unknown>]>[]; onErrorOccurred: { addListener(listener: Listener<[Record<string, unknown>]>): void } };
  installType: string;
  /** A new worker on the same browser: listeners gone, storage kept (session storage too, within a browser session). */
  restartWorker(): void;
}

export function installFakeChrome(): FakeChrome {
  let changeListeners: Listener<[Record<string, unknown>, string]>[] = [];
  const changed = (changes: Record<string, unknown>, area: string) => changeListeners.forEach((listener) => listener(changes, area));
  const fake: FakeChrome = {
    storage: {
      local: new FakeArea('local', changed),
      session: new FakeArea('session', changed),
      managed: new FakeArea('managed', changed),
      onChanged: { addListener: (listener) => void changeListeners.push(listener) },
    },
    runtime: { id: FAKE_EXTENSION_ID, getURL: (path) => `chrome-extension://${FAKE_EXTENSION_ID}/${path}`, getManifest: () => ({ version: '0.1.0' }) },
    installType: 'normal',
    management: { getSelf: () => Promise.resolve({ installType: fake.installType }) },
    declarativeNetRequest: {
      rules: [],
      refuseNext: false,
      getDynamicRules: () => Promise.resolve([...fake.declarativeNetRequest.rules]),
      updateDynamicRules(update) {
        const dnr = fake.declarativeNetRequest;
        if (dnr.refuseNext) {
          dnr.refuseNext = false;
          return Promise.reject(new Error('Rule with id 1000 is invalid'));
        }
        dnr.rules = [...dnr.rules.filter((rule) => !update.removeRuleIds.includes(rule.id)), ...update.addRules];
        return Promise.resolve();
      },
    },
    webRequest: {
      errorListeners: [],
      onErrorOccurred: { addListener: (listener) => void fake.webRequest.errorListeners.push(listener) },
    },
    restartWorker() {
      changeListeners = [];
      fake.webRequest.errorListeners = [];
    },
  };
  Object.assign(globalThis, { chrome: fake });
  return fake;
}

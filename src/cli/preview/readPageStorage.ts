import type { BrowserContext, Page } from 'playwright-core';

/** What one extension page keeps outside `chrome.storage`: Web Storage and IndexedDB. */
export interface PageStorage {
  url: string;
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
  /** Every database, store and record (at most `MAX_RECORDS` per store, `truncated` says when more). */
  indexedDB: { name: string; stores: { name: string; count: number; records: unknown[]; truncated: boolean }[] }[];
  error?: string;
}

/** A document in which the classic injection flag `window.__xss` was set. */
export interface XssMarker {
  url: string;
  value: string;
}

const MAX_RECORDS = 200;

// Given as source text: tsx would wrap named helpers in a function the page lacks, and the
// extension's CSP refuses eval (the text runs through DevTools, not eval).
const READ_PAGE_STORAGE = `(async () => {
  const web = (storage) => Object.fromEntries(Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key) => key !== null).map((key) => [key, storage.getItem(key) ?? '']));
  const request = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
  const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  const indexed = [];
  for (const info of databases) {
    if (!info.name) continue;
    const db = await request(indexedDB.open(info.name));
    const stores = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const store = db.transaction(name, 'readonly').objectStore(name);
      const count = await request(store.count());
      const records = await request(store.getAll(undefined, ${String(MAX_RECORDS)}));
      stores.push({ name, count, records: JSON.parse(JSON.stringify(records)), truncated: count > records.length });
    }
    db.close();
    indexed.push({ name: info.name, stores });
  }
  return { url: location.href, localStorage: web(localStorage), sessionStorage: web(sessionStorage), indexedDB: indexed };
})()`;

/** Web Storage and IndexedDB of every open extension page. */
export async function readPageStorage(context: BrowserContext, extensionOrigin: string): Promise<PageStorage[]> {
  const pages = context.pages().filter((page) => page.url().startsWith(extensionOrigin));
  return Promise.all(
    pages.map(async (page: Page): Promise<PageStorage> => {
      try {
        return await page.evaluate<PageStorage>(READ_PAGE_STORAGE);
      } catch (error) {
        return {
          url: page.url(),
          localStorage: {},
          sessionStorage: {},
          indexedDB: [],
          error: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
        };
      }
    }),
  );
}

/** `window.__xss` in every document of every open extension page, the CCP frame included. */
export async function readXssMarkers(context: BrowserContext, extensionOrigin: string): Promise<XssMarker[]> {
  const markers: XssMarker[] = [];
  for (const page of context.pages().filter((candidate) => candidate.url().startsWith(extensionOrigin))) {
    for (const frame of page.frames()) {
      const value = await frame.evaluate<unknown>('window.__xss').catch(() => undefined);
      if (value !== undefined && value !== null)
        markers.push({ url: frame.url(), value: (typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value)).slice(0, 200) });
    }
  }
  return markers;
}

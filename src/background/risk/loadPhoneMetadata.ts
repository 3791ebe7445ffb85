import type { MetadataJson } from 'libphonenumber-js/core';

/** Where the build writes libphonenumber-js's max metadata (vite.config.ts, from the package's `libphonenumber-js/max/metadata`). */
export const PHONE_METADATA_FILE = 'phone-metadata.json';

let loaded: Promise<MetadataJson> | null = null;

/**
 * The phone metadata for caller risk, fetched from the extension's own package when it first reads
 * a number: the worker's bundle does not carry it (about 160 KB a wake would load, though most
 * wakes read no number, and a service worker may not `import()` it later). It is data, not code,
 * so fetching it needs nothing the extension CSP forbids. A failed fetch is not kept: the next
 * assessment fetches again.
 */
export function loadPhoneMetadata(): Promise<MetadataJson> {
  loaded ??= fetch(chrome.runtime.getURL(PHONE_METADATA_FILE))
    .then(async (response) => {
      if (!response.ok) throw new Error(`phone metadata: HTTP ${String(response.status)}`);
      return (await response.json()) as MetadataJson;
    })
    .catch((error: unknown) => {
      loaded = null;
      throw error;
    });
  return loaded;
}

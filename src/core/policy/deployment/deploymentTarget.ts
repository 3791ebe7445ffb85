/** Where a policy is deployed: which browser, which operating system, which extension. */
export type TargetBrowser = 'chrome' | 'edge';
export type TargetOs = 'windows' | 'macos' | 'linux';

/** Optional browser hardening IT switches on with `policy export --harden …`. */
export type HardeningFlag = 'devtools' | 'other-extensions';
export const HARDENING_FLAGS: readonly HardeningFlag[] = ['devtools', 'other-extensions'];

export interface DeploymentTarget {
  browser: TargetBrowser;
  os: TargetOs;
  extensionId: string;
  /** The update manifest the browser installs from; the store's when unset. */
  updateUrl?: string;
  hardening?: readonly HardeningFlag[];
}

/** The published extension's id, fixed by the manifest `key`. */
export const DEFAULT_EXTENSION_ID = 'ojodoldnmcabjmcojfoebnmebmadjfdm';

/** Chrome extension ids are 32 letters a–p. */
export const EXTENSION_ID_PATTERN = /^[a-p]{32}$/;

/** The store update URL for force-installation. A self-hosted extension needs its own update manifest URL instead. */
export const STORE_UPDATE_URL: Record<TargetBrowser, string> = {
  chrome: 'https://clients2.google.com/service/update2/crx',
  edge: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx',
};

export function updateUrlOf(target: DeploymentTarget): string {
  return target.updateUrl ?? STORE_UPDATE_URL[target.browser];
}

/** One file `policy export` writes; `utf16le` files get a byte-order mark (what regedit expects for Unicode). */
export interface DeploymentFile {
  name: string;
  content: string;
  encoding: 'utf8' | 'utf16le';
}

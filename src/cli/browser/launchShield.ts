import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { STORAGE_KEYS } from '../../core/storage/storageKeys.ts';
import { extensionIdFromManifest } from './extensionId.ts';
import { CHROMIUM_INSTALL_HINT, findChromium } from './findChromium.ts';

export interface LaunchShieldOptions {
  /** Flags that point the browser at the emulator (host-resolver rules, certificate pin). */
  chromiumArgs: string[];
  distDir?: string;
  headless?: boolean;
  /** Keep a profile between launches (managed-policy tests relaunch the same profile). */
  userDataDir?: string;
  /** Other unpacked extensions to load beside the shield (the start-up bench's minimal worker). */
  extraExtensionDirs?: string[];
}

export interface ShieldBrowser {
  context: BrowserContext;
  extensionId: string;
  extensionOrigin: string;
  userDataDir: string;
  worker(): Promise<Worker>;
  /**
   * `(await worker()).evaluate(fn, arg)`, asked again of the next worker when Chrome stopped or
   * replaced the one asked meanwhile (an MV3 worker may stop whenever it is idle); any other error is thrown.
   */
  evaluateInWorker<R, Arg>(fn: (arg: Arg) => R | Promise<R>, arg: Arg): Promise<R>;
  /** Opens an extension page, e.g. `src/shell/shell.html`. */
  open(path: string): Promise<Page>;
  setLocalPolicy(policy: unknown): Promise<void>;
  storageDump(): Promise<{ local: unknown; session: unknown; sync: unknown }>;
  close(): Promise<void>;
}

/** Flags every launch uses: no sandbox as root, and none of the browser's own network chatter. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

/** What Playwright says when the worker an evaluation ran in went away under it. */
const WORKER_GONE = /Resulting promise was garbage collected|Target (?:page, context or browser )?(?:has been )?closed|Execution context was destroyed/;
const WORKER_GONE_ATTEMPTS = 3;
/** How long a worker that failed so is given to close before the next attempt asks again anyway. */
const WORKER_CLOSE_TIMEOUT_MS = 5_000;

export async function launchShield(options: LaunchShieldOptions): Promise<ShieldBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);
  const distDir = resolve(options.distDir ?? 'dist');
  const extensionId = extensionIdFromManifest(join(distDir, 'manifest.json'));
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const extensionDirs = [distDir, ...(options.extraExtensionDirs ?? []).map((dir) => resolve(dir))].join(',');
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'connect-shield-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 860 },
    args: [...QUIET_FLAGS, ...options.chromiumArgs, `--disable-extensions-except=${extensionDirs}`, `--load-extension=${extensionDirs}`],
  });

  const worker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((candidate) => candidate.url().startsWith(extensionOrigin));
    return existing ?? context.waitForEvent('serviceworker', { predicate: (candidate) => candidate.url().startsWith(extensionOrigin) });
  };

  async function evaluateInWorker<R, Arg>(fn: (arg: Arg) => R | Promise<R>, arg: Arg): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const asked = await worker();
      try {
        return await asked.evaluate(fn as (arg: unknown) => R | Promise<R>, arg);
      } catch (error) {
        if (attempt >= WORKER_GONE_ATTEMPTS || !(error instanceof Error) || !WORKER_GONE.test(error.message)) throw error;
        // Until it has closed, the gone worker is still listed and `worker()` would hand it back.
        if (context.serviceWorkers().includes(asked)) await asked.waitForEvent('close', { timeout: WORKER_CLOSE_TIMEOUT_MS }).catch(() => undefined);
      }
    }
  }

  return {
    context,
    extensionId,
    extensionOrigin,
    userDataDir,
    worker,
    evaluateInWorker,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    async setLocalPolicy(policy) {
      await evaluateInWorker(([key, value]) => chrome.storage.local.set({ [key]: value }), [STORAGE_KEYS.local.localPolicy, policy] as const);
    },
    async storageDump() {
      return evaluateInWorker(
        async () => ({
          local: await chrome.storage.local.get(null),
          session: await chrome.storage.session.get(null),
          sync: await chrome.storage.sync.get(null),
        }),
        undefined,
      );
    },
    async close() {
      await context.close();
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

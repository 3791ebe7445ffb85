import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchShield, type ShieldBrowser } from '../src/cli/browser/launchShield.ts';
import { workerRequestMessage } from '../src/core/messaging/workerMessages.ts';
import { NOTHING } from '../src/core/messaging/workerRequests.ts';
import type { Bench, BenchResult } from './BenchResult.ts';
import { median, percentile } from './percentile.ts';

const ROUNDS = 25;

/** The policy the bench's shield runs with: one custom pattern, so start-up meets the regex-safety check. */
const POLICY = {
  instance: { ccpUrl: 'https://bench-startup.my.connect.aws/ccp-v2', region: 'ap-northeast-1' },
  masking: { patterns: [{ name: 'Member ID', regex: 'MEM-[0-9]{8}' }] },
};

/**
 * The smallest MV3 extension that answers a runtime message from its service worker: the floor
 * for "a stopped worker wakes and answers", in the same browser, on the same machine, in the same run.
 */
function writeMinimalExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'minimal-mv3-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'minimal worker', version: '1.0', background: { service_worker: 'worker.js' } }),
  );
  writeFileSync(join(dir, 'worker.js'), 'chrome.runtime.onMessage.addListener((message, sender, sendResponse) => { sendResponse({ ok: true }); });\n');
  writeFileSync(join(dir, 'page.html'), '<!doctype html><title>minimal</title>\n');
  return dir;
}

/** Resolves once Chrome has reported `origin`'s worker in a state `accepts` takes, or fails after `timeoutMs`. */
async function awaitStatus(status: Map<string, string>, origin: string, accepts: (state: string | undefined) => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!accepts(status.get(origin))) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

/**
 * Stops every service worker and resolves once Chrome reports each of `origins` stopped. On a
 * loaded machine a stop can take seconds to be reported (or a stop sent while a worker is still
 * finishing its event is not acted on), so the stop is sent again every second, for up to 15 s.
 */
async function stopWorkers(cdp: CDPSession, status: Map<string, string>, origins: string[]): Promise<void> {
  const until = Date.now() + 15_000;
  while (origins.some((origin) => status.get(origin) !== 'stopped')) {
    if (Date.now() > until) throw new Error('a service worker did not stop within 15 s');
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (const origin of origins) await awaitStatus(status, origin, (state) => state === 'stopped', 1_000);
  }
}

/**
 * After an answer: waits until Chrome has reported the woken worker running, so that the next
 * stop does not take a "stopped" left over from before the wake for the worker's state.
 */
async function awaitWoken(status: Map<string, string>, origin: string): Promise<void> {
  if (!(await awaitStatus(status, origin, (state) => state !== 'stopped', 15_000))) throw new Error('Chrome did not report the woken worker');
}

/** From the page: send one message to the stopped worker and time until its answer (ms, page clock). */
async function timeFirstAnswer(page: Page, message: unknown): Promise<number> {
  return page.evaluate(async (body) => {
    const started = performance.now();
    // eslint-disable-next-line no-restricted-syntax -- the bench times the raw wire, as callWorker sends it
    const reply: unknown = await chrome.runtime.sendMessage(body);
    if (typeof reply !== 'object' || reply === null || (reply as { ok?: unknown }).ok !== true) throw new Error('the worker did not answer ok');
    return performance.now() - started;
  }, message);
}

/**
 * A stopped service worker answering its first request: ours (the shield's worker, parsing its
 * bundle, migrating storage, computing the policy verdict and installing its network rules before
 * the router lets the request through) next to the minimal MV3 worker above. Both extensions run in
 * one Chromium; rounds alternate so that noise on the shared machine falls on both.
 */
export const run: Bench = async () => {
  const minimalDir = writeMinimalExtension();
  const shield: ShieldBrowser = await launchShield({ chromiumArgs: [], extraExtensionDirs: [minimalDir] });
  try {
    await shield.setLocalPolicy(POLICY);
    const minimalWorker =
      shield.context.serviceWorkers().find((worker) => !worker.url().startsWith(shield.extensionOrigin)) ??
      (await shield.context.waitForEvent('serviceworker', { predicate: (worker) => !worker.url().startsWith(shield.extensionOrigin) }));
    const minimalOrigin = extensionOriginOf(minimalWorker.url());
    const ours = await shield.open('src/options/options.html');
    await ours.getByTestId('setting').first().waitFor();
    const minimal = await shield.context.newPage();
    await minimal.goto(`${minimalOrigin}/page.html`);

    const cdp = await shield.context.newCDPSession(ours);
    const status = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const version of versions) status.set(extensionOriginOf(version.scriptURL), version.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    const origins = [shield.extensionOrigin, minimalOrigin];

    const oursTimes: number[] = [];
    const minimalTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await stopWorkers(cdp, status, origins);
      oursTimes.push(await timeFirstAnswer(ours, workerRequestMessage('policy.current', NOTHING)));
      await awaitWoken(status, shield.extensionOrigin);
      await stopWorkers(cdp, status, origins);
      minimalTimes.push(await timeFirstAnswer(minimal, { ping: true }));
      await awaitWoken(status, minimalOrigin);
    }
    await cdp.detach();

    const workerFile = (await shield.worker()).url().replace(`${shield.extensionOrigin}/`, '');
    const bundleBytes = workerBundleBytes(workerFile);
    const oursMedian = median(oursTimes);
    const minimalMedian = median(minimalTimes);
    const result: BenchResult = {
      name: 'worker start-up: stopped worker to first answer',
      metric: 'latency ms',
      median: oursMedian,
      p95: percentile(oursTimes, 95),
      baselineName: 'minimal MV3 worker',
      baselineMedian: minimalMedian,
      ratio: oursMedian / minimalMedian,
      note: `${String(ROUNDS)} rounds each, alternating, one Chromium; our request is policy.current with one custom pattern in the policy; worker bundle ${(bundleBytes / 1024).toFixed(0)} KB (every file a wake loads)`,
    };
    return [result];
  } finally {
    await shield.close();
    rmSync(minimalDir, { recursive: true, force: true });
  }
};

/**
 * crxjs writes a loader that imports the real bundle, which imports chunks it shares with pages:
 * the bench reports every file a wake parses (the loader's static import graph), in bytes.
 */
function workerBundleBytes(loaderFile: string): number {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join('dist', file), 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*["']\.\/(?:assets\/)?([^"']+\.js)["']/g)) if (match[1] !== undefined) visit(`assets/${match[1]}`);
  };
  visit(loaderFile);
  if (seen.size < 2) throw new Error('the worker loader imports no bundle');
  return [...seen].reduce((total, file) => total + statSync(join('dist', file)).size, 0);
}

/** `chrome-extension://<id>` (Node's URL gives such URLs the origin "null"). */
function extensionOriginOf(url: string): string {
  return url.split('/').slice(0, 3).join('/');
}

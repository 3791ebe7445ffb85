import type { Page } from 'playwright-core';
import type { ShieldBrowser } from '../../../src/cli/browser/launchShield.ts';

/**
 * Stops the extension's service worker for real, as Chrome does when it idles: through the
 * DevTools protocol, from one of the extension's pages. Returns once Chrome reports it stopped;
 * the next runtime message starts a fresh worker (its in-memory state gone).
 */
export async function stopServiceWorker(shield: ShieldBrowser, page: Page): Promise<void> {
  const cdp = await shield.context.newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (versions.some((version) => version.scriptURL.startsWith(shield.extensionOrigin) && version.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

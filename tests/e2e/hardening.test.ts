import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHostileListener, type HostileListener } from './support/hostileListener.ts';
import { startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedLocalPolicy } from './support/storedValues.ts';

/** Collects CSP violations the page reports, from the moment this is called. */
async function watchCspViolations(page: Page): Promise<() => Promise<{ directive: string; blocked: string }[]>> {
  await page.evaluate(() => {
    const store: { directive: string; blocked: string }[] = [];
    (window as unknown as { __violations: typeof store }).__violations = store;
    document.addEventListener('securitypolicyviolation', (event) => store.push({ directive: event.effectiveDirective, blocked: event.blockedURI }));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: { directive: string; blocked: string }[] }).__violations);
}

describe('hardening of the shell', () => {
  let hostile: HostileListener;
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    hostile = await startHostileListener();
    session = await startShieldSession({ extraHostRules: [`MAP evil.test 127.0.0.1:${hostile.port}`, `MAP *.evil.test 127.0.0.1:${hostile.port}`] });
  });
  afterAll(async () => {
    await session?.close();
    await hostile?.close();
  });
  afterEach(async () => {
    await page?.close();
    await session.shield.setLocalPolicy({ instance: { ccpUrl: session.emulator.ccpUrl, region: session.emulator.region } });
  });

  it('refuses an instance URL that is not an Amazon Connect CCP, and keeps the old one', async () => {
    page = await session.shield.open('src/options/options.html');
    const input = page.getByTestId('ccp-url');
    // The first read of managed storage can take seconds.
    await expect.poll(() => input.inputValue(), { timeout: 15_000 }).toBe(session.emulator.ccpUrl);
    for (const [url, reason] of [
      ['https://evil.test/ccp-v2', 'Not an Amazon Connect host'],
      ['http://shield-demo.my.connect.aws/ccp-v2', 'must use https'],
      ['https://shield-demo.my.connect.aws.evil.test/ccp-v2', 'Not an Amazon Connect host'],
      ['https://user@shield-demo.my.connect.aws/ccp-v2', 'user name or password'],
      ['https://shield-demo.my.connect.aws/admin', 'Not the CCP page'],
    ] as const) {
      await input.fill(url);
      await page.getByTestId('save').click();
      await expect.poll(() => page.getByTestId('ccp-url-error').textContent()).toContain(reason);
    }
    const stored = storedLocalPolicy(await session.shield.storageDump()) as { instance?: { ccpUrl?: string } } | undefined;
    expect(stored?.instance?.ccpUrl).toBe(session.emulator.ccpUrl);
  });

  it('frames nothing when the stored instance URL was tampered with', async () => {
    await session.shield.setLocalPolicy({ instance: { ccpUrl: 'https://evil.test/ccp-v2' } });
    const before = hostile.connections();
    page = await session.shield.open('src/shell/shell.html');
    const problem = page.getByTestId('config-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-status')).toBe('invalid-local');
    expect(await problem.textContent()).toContain('Not an Amazon Connect host');
    expect(await page.locator('iframe').count()).toBe(0);
    expect(hostile.connections()).toBe(before);
  });

  it('explains that no instance is configured and frames nothing', async () => {
    await session.shield.setLocalPolicy(null);
    page = await session.shield.open('src/shell/shell.html');
    await page.getByTestId('config-problem').waitFor();
    expect(await page.getByTestId('config-problem').getAttribute('data-status')).toBe('missing');
    expect(await page.locator('iframe').count()).toBe(0);
  });

  it('blocks inline script in extension pages (strict CSP)', async () => {
    page = await session.openDesk();
    const violations = await watchCspViolations(page);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      // The attack itself: markup injected into an extension page must not run its handler.
      // eslint-disable-next-line no-restricted-syntax
      document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__handlerRan = true">');
    });
    // Chromium reports each block once per enforcing policy (the MV3 minimum and ours): count kinds, not events.
    await expect
      .poll(async () => new Set((await violations()).map((v) => `${v.directive} ${v.blocked}`)))
      .toEqual(new Set(['script-src-elem inline', 'script-src-attr inline']));
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __handlerRan?: boolean }).__handlerRan)).toBeUndefined();
  });

  it('blocks a frame to a host that is not Amazon Connect; nothing reaches that host', async () => {
    // Control: the listener is reachable under that name from an ordinary tab.
    const probe = await session.shield.context.newPage();
    await probe.goto(`http://evil.test:${hostile.port}/control`);
    await probe.close();
    expect(hostile.requests()).toContain(`GET evil.test:${hostile.port}/control`);

    page = await session.openDesk();
    const violations = await watchCspViolations(page);
    await page.evaluate((port) => {
      for (const src of [`https://evil.test/frame`, `http://evil.test:${port}/frame`, `https://crm.evil.test/frame`]) {
        const frame = document.createElement('iframe');
        frame.src = src;
        document.body.append(frame);
      }
    }, hostile.port);
    await expect
      .poll(async () => new Set((await violations()).filter((v) => v.directive === 'frame-src').map((v) => v.blocked)))
      .toEqual(new Set(['https://evil.test', `http://evil.test:${hostile.port}`, 'https://crm.evil.test']));
    // No request reached the host. (Chromium may still preconnect to a src it is about to refuse;
    // no request is sent over it. IT can turn that off with the NetworkPredictionOptions policy.)
    expect(hostile.requests().filter((line) => line.includes('/frame'))).toEqual([]);
  });
});

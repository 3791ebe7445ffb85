import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileHttpsServer, type HostileHttpsServer } from './support/hostileHttpsServer.ts';
import { startShieldSession, type ShieldSession } from './support/shieldSession.ts';

// Issue 11, finding 2: Streams opens its login popup with window.open, and a page in that popup
// (the policy's loginUrl, or anything it navigates to) could set opener.location and replace the
// shell with a look-alike "session expired" page on any origin.

const LOOK_ALIKE = 'https://evil.test/session-expired';

describe('attack: the login popup steers the shell', () => {
  let hostile: HostileHttpsServer;
  let session: ShieldSession;

  beforeAll(async () => {
    hostile = await startHostileHttpsServer(['evil.test']);
    session = await startShieldSession({
      emulator: { signedOut: true },
      extraHostRules: [`MAP evil.test 127.0.0.1:${hostile.port}`],
      extraSpkiHashes: [hostile.spkiHash],
      localPolicy: null,
    });
    const { emulator } = session;
    await session.shield.setLocalPolicy({
      instance: { ccpUrl: emulator.ccpUrl, region: emulator.region, loginUrl: `${emulator.instanceOrigin}/login?steer=${encodeURIComponent(LOOK_ALIKE)}` },
    });
  });
  afterAll(async () => {
    await session?.close();
    await hostile?.close();
  });

  it('keeps the shell where it is while the popup tries opener.location, and still signs in through the popup', async () => {
    const { context } = session.shield;
    const shell: Page = await session.shield.open('src/shell/shell.html');
    // Streams opens the popup once the signed-out CCP has not acknowledged within its load timeout.
    const popup = context.pages().find((candidate) => candidate.url().includes('/login?')) ?? (await context.waitForEvent('page', { timeout: 60_000 }));
    await popup.waitForURL(/\/login\?/);

    const steer = popup.locator('#steer-result');
    await steer.filter({ hasNotText: 'pending' }).waitFor();
    expect(await steer.textContent()).toBe('no opener');

    await popup.locator('#sign-in').click();
    // Streams acknowledges on its next frame refresh, then closes its popup itself.
    await shell.getByTestId('agent-name').waitFor({ timeout: 60_000 });
    await expect.poll(() => popup.isClosed(), { timeout: 30_000 }).toBe(true);

    expect(shell.url()).toBe(`${session.shield.extensionOrigin}/src/shell/shell.html`);
    expect(hostile.requests()).toEqual([]);
  });
});

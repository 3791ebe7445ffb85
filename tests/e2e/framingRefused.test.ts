import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ORIGIN, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog } from './support/storedValues.ts';

/**
 * An instance whose approved origins lack the extension refuses the CCP frame; the frame shows
 * the browser's error page and Streams only sees silence, exactly as in an outage. The shell must
 * tell the two apart and name the IT step.
 */
describe('a CCP frame the instance refuses, told apart from an outage', () => {
  let session: ShieldSession;
  let page: Page;
  const banner = () => page.getByTestId('ccp-status');

  beforeAll(async () => {
    // The emulated instance does not list the extension among its approved origins.
    session = await startShieldSession({ emulator: { approvedOrigins: [] } });
    page = await session.shield.open('src/shell/shell.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('says the extension is not an approved origin, names the IT step and the exact origin, and offers Retry', async () => {
    await page.locator('[data-testid=ccp-status][data-status=not_approved]').waitFor();
    expect(await banner().getAttribute('data-refused-by')).toBe('frame_ancestors');
    const text = (await banner().textContent()) ?? '';
    expect(text).toContain('not an outage');
    expect(text).toContain('Approved origins');
    expect(await page.getByTestId('extension-origin').textContent()).toBe(EXTENSION_ORIGIN);
    expect(text).not.toContain('Connecting');
    expect(await page.getByTestId('ccp-retry').isVisible()).toBe(true);
    expect(await page.getByTestId('agent-name').count()).toBe(0);
    const worker = await session.shield.worker();
    await expect
      .poll(async () =>
        storedAuditLog({ local: await worker.evaluate(() => chrome.storage.local.get(null)) })
          .filter((event) => event.type === 'ccp.framing_refused')
          .map((event) => event.details),
      )
      .toEqual([{ by: 'frame_ancestors' }]);
  });

  it('names X-Frame-Options when something in front of the instance forbids all framing', async () => {
    await session.emulator.control.configure({ approvedOrigins: [EXTENSION_ORIGIN], xFrameOptions: 'DENY' });
    await page.getByTestId('ccp-retry').click();
    await page.locator('[data-testid=ccp-status][data-status=not_approved][data-refused-by=x_frame_options]').waitFor();
    expect(await banner().textContent()).toContain('X-Frame-Options: DENY');
  });

  it('calls an instance that does not answer an outage, not a set-up problem', async () => {
    await session.emulator.control.configure({ xFrameOptions: null });
    await session.emulator.control.setUnresponsive(true);
    await page.getByTestId('ccp-retry').click();
    await page.locator('[data-testid=ccp-status][data-status=unreachable]').waitFor();
    expect(await banner().getAttribute('data-refused-by')).toBeNull();
    expect(await banner().textContent()).not.toContain('Approved origins');
    expect(await page.getByTestId('ccp-retry').isVisible()).toBe(true);
  });

  it('comes up once IT has fixed it and the agent presses Retry', async () => {
    await session.emulator.control.setUnresponsive(false);
    await page.getByTestId('ccp-retry').click();
    await page.getByTestId('agent-name').waitFor();
    await banner().waitFor({ state: 'detached' });
  });
});

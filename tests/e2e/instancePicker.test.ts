import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerRequestMessage, type WorkerReply } from '../../src/core/messaging/workerMessages.ts';
import { STORAGE_KEYS } from '../../src/core/storage/storageKeys.ts';
import { startEmulator, type RunningEmulator } from '../emulator/startEmulator.ts';
import { canWriteManagedPolicy, managedPolicyFile, type ManagedPolicyFile } from './support/managedPolicyFile.ts';
import { EXTENSION_ORIGIN, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog } from './support/storedValues.ts';

// Chromium re-reads policy files on its own schedule and reads managed storage slowly at first.
const POLICY_WAIT = { timeout: 60_000, interval: 500 };
const OSAKA_HOST = 'shield-osaka.my.connect.aws';
const UNLISTED_CCP = 'https://shield-unlisted.my.connect.aws/ccp-v2';

/**
 * The alternate-instance picker, through the real managed path: the organization lists two
 * instances (two emulators, one per host), the agent picks, and only the picked one is framed or
 * contacted. Needs root for /etc/chromium/policies/managed, as managedPolicy.test.ts does.
 */
describe.skipIf(!canWriteManagedPolicy())('an organization with an alternate instance', () => {
  let file: ManagedPolicyFile;
  let osaka: RunningEmulator;
  let session: ShieldSession;
  let page: Page | null = null;

  beforeAll(async () => {
    file = managedPolicyFile();
    // The second instance: only its CCP host is mapped (the participant host stays the first emulator's).
    osaka = await startEmulator({ instanceHost: OSAKA_HOST, approvedOrigins: [EXTENSION_ORIGIN], agent: { name: 'Osaka Agent' } });
    session = await startShieldSession({
      localPolicy: null,
      extraHostRules: [`MAP ${OSAKA_HOST} 127.0.0.1:${String(osaka.httpsPort)}`],
      extraSpkiHashes: [osaka.spkiHash],
      emulator: { agent: { name: 'Tokyo Agent' } },
      beforeLaunch: (tokyo) =>
        file.install({
          instance: { ccpUrl: tokyo.ccpUrl, region: tokyo.region, alternates: [{ name: 'Osaka backup', ccpUrl: osaka.ccpUrl, region: osaka.region }] },
        }),
    });
  });
  afterAll(async () => {
    file?.remove();
    await page?.close().catch(() => undefined);
    await session?.close();
    await osaka?.close();
  });

  const tokyo = () => session.emulator;
  const framedSrc = (on: Page) => on.locator('[data-testid=ccp-container] iframe').getAttribute('src');
  /** Every instance origin the worker's network rules let this extension contact. */
  const allowedInstances = async (): Promise<string[]> => {
    const worker = await session.shield.worker();
    const filters = await worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).map((rule) => rule.condition.urlFilter ?? ''));
    return filters.filter((filter) => filter.includes('.my.connect.aws')).sort();
  };
  /** A fetch from the shell page itself: the network rules decide, whatever the page wants. */
  const fetchFrom = (on: Page, url: string) =>
    on.evaluate(
      (target) =>
        fetch(target, { cache: 'no-store' }).then(
          (response) => `status ${String(response.status)}`,
          () => 'refused',
        ),
      url,
    );
  /** The wire message the picker sends, sent from the page itself (as an agent's console could). */
  const chooseThroughWorker = (on: Page, ccpUrl: string) =>
    on.evaluate(
      // eslint-disable-next-line no-restricted-syntax
      (message) => chrome.runtime.sendMessage<unknown, WorkerReply>(message),
      workerRequestMessage('instance.choose', { ccpUrl }),
    );

  it('asks the agent before embedding anything, then frames the chosen instance alone and audits the switch', async () => {
    page = await session.shield.open('src/shell/shell.html');
    const picker = page.getByTestId('instance-picker');
    await picker.waitFor({ timeout: POLICY_WAIT.timeout });
    expect(await page.getByTestId('instance-option').evaluateAll((options) => options.map((option) => option.textContent))).toEqual([
      `Default instance ${tokyo().instanceHost}`,
      `Osaka backup ${OSAKA_HOST}`,
    ]);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(page.frames()).toHaveLength(1);

    await page.locator(`[data-testid=instance-option][data-host="${OSAKA_HOST}"] input`).check();
    const tokyoRequestsBefore = (await tokyo().control.log()).apiRequests.length;
    await page.getByTestId('instance-picker-submit').click();
    // The worker stores the pick and publishes a new verdict; the page reloads onto Osaka.
    await expect.poll(() => framedSrc(page as Page).catch(() => null), POLICY_WAIT).toBe(osaka.ccpUrl);
    await expect.poll(() => page?.getByTestId('agent-name').textContent()).toBe('Osaka Agent');
    expect(await page.getByTestId('instance-switcher').getAttribute('data-host')).toBe(OSAKA_HOST);
    expect(page.frames().some((frame) => frame.url().startsWith(tokyo().instanceOrigin))).toBe(false);
    expect((await tokyo().control.log()).apiRequests).toHaveLength(tokyoRequestsBefore);

    // The frame guard's frame-src, the network rules: Osaka only.
    expect(await page.locator('meta[data-frame-guard]').getAttribute('content')).toBe(`frame-src ${osaka.instanceOrigin}`);
    await expect.poll(allowedInstances, POLICY_WAIT).toEqual([`|${osaka.instanceOrigin}/`]);
    expect(await fetchFrom(page, `${tokyo().instanceOrigin}/ccp-v2`)).toBe('refused');
    expect(await fetchFrom(page, `${osaka.instanceOrigin}/ccp-v2`)).toMatch(/^status /);

    // The worker records audit after it answered: poll rather than read once.
    const switched = async () => storedAuditLog(await session.shield.storageDump()).filter((event) => event.type === 'instance.switched');
    await expect.poll(async () => (await switched()).at(-1)?.details).toEqual({ from: tokyo().instanceOrigin, to: osaka.instanceOrigin });
  });

  it('offers no switch while a contact is live, and the worker refuses one then too', async () => {
    const on = page as Page;
    const contactId = await osaka.control.addContact({ type: 'voice', attributes: { orderId: 'ORD-7' } });
    await on.locator(`[data-contact-id="${contactId}"]`).waitFor();
    await on.getByTestId('instance-switch-waits').waitFor();
    expect(await on.getByTestId('instance-switch').count()).toBe(0);
    expect(await chooseThroughWorker(on, tokyo().ccpUrl)).toEqual({ ok: true, response: { result: 'refused', reason: 'contact_live' } });
    // After-contact work still counts: the switch comes back once the contact is cleared.
    await osaka.control.end(contactId);
    await expect.poll(() => on.getByTestId('instance-switch').count()).toBe(0);
    await osaka.control.clear(contactId);
    await on.getByTestId('instance-switch').waitFor();
    expect(await framedSrc(on)).toBe(osaka.ccpUrl);
  });

  it('refuses the CCP frame moving to the other instance, and keeps the choice across a reload', async () => {
    const on = page as Page;
    const tokyoRequestsBefore = (await tokyo().control.log()).apiRequests.length;
    const ccpFrame = on.frames().find((frame) => frame.url().startsWith(osaka.instanceOrigin));
    // A listed instance, a Connect host the manifest CSP allows: only the pin to the chosen instance refuses it.
    await ccpFrame?.evaluate((target) => void (location.href = target), tokyo().ccpUrl);
    await expect.poll(() => on.getByTestId('ccp-status').getAttribute('data-status')).toBe('origin_violation');
    expect(await on.locator('[data-testid=ccp-container] iframe').count()).toBe(0);
    expect((await tokyo().control.log()).apiRequests).toHaveLength(tokyoRequestsBefore);

    await on.reload();
    await expect.poll(() => framedSrc(on).catch(() => null), POLICY_WAIT).toBe(osaka.ccpUrl);
    await on.getByTestId('agent-name').waitFor();
    expect(await on.getByTestId('instance-picker').count()).toBe(0);
  });

  it('switches back between contacts from the desk', async () => {
    const on = page as Page;
    await on.getByTestId('instance-switch').click();
    await on.locator(`[data-testid=instance-option][data-host="${tokyo().instanceHost}"] input`).check();
    await on.getByTestId('instance-picker-submit').click();
    await expect.poll(() => framedSrc(on).catch(() => null), POLICY_WAIT).toBe(tokyo().ccpUrl);
    await expect.poll(() => on.getByTestId('agent-name').textContent()).toBe('Tokyo Agent');
    await expect.poll(allowedInstances, POLICY_WAIT).toEqual([`|${tokyo().instanceOrigin}/`]);
    expect(await fetchFrom(on, `${osaka.instanceOrigin}/ccp-v2`)).toBe('refused');
  });

  it('an agent writing extension storage on a managed browser cannot point the desk at an unlisted instance', async () => {
    const on = page as Page;
    expect(await chooseThroughWorker(on, UNLISTED_CCP)).toEqual({ ok: true, response: { result: 'refused', reason: 'unlisted' } });
    // What an agent could do from a page's console: write the remembered choice directly.
    await on.evaluate(([key, ccpUrl]) => chrome.storage.local.set({ [key]: { ccpUrl } }), [STORAGE_KEYS.local.chosenInstance, UNLISTED_CCP] as const);
    // The stored pick names nothing the policy lists: the default holds, and the agent is asked again.
    await on.getByTestId('instance-picker').waitFor({ timeout: POLICY_WAIT.timeout });
    expect(await on.locator('iframe').count()).toBe(0);
    expect(await on.locator('[data-testid=instance-option] input:checked').getAttribute('value')).toBe(tokyo().ccpUrl);
    await expect.poll(allowedInstances, POLICY_WAIT).toEqual([`|${tokyo().instanceOrigin}/`]);
    const dump = JSON.stringify(await session.shield.storageDump());
    expect(dump.match(/shield-unlisted/g)).toHaveLength(1);
  });
});

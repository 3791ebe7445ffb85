import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canWriteManagedPolicy, managedPolicyFile, type ManagedPolicyFile } from './support/managedPolicyFile.ts';
import { pageSurfaces, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog } from './support/storedValues.ts';
import { stopServiceWorker } from './support/stopServiceWorker.ts';

const DENIED = '+819012345678';
/** How Connect hands the same caller to the page: nationally, as a Tokyo instance's carrier would. */
const DENIED_AS_DIALED = '090-1234-5678';
const REPEATER = '+81 3 1234 5678';
const POLICY_WAIT = { timeout: 60_000, interval: 500 };

/** Every spelling of a number someone could search for in a dump. */
function numberSpellings(e164: string, national: string): string[] {
  const digits = e164.slice(1);
  const nationalDigits = national.replace(/\D/g, '');
  return [
    e164,
    digits,
    national,
    nationalDigits,
    nationalDigits.slice(1),
    national.replace(/-/g, ' '),
    `+81 ${nationalDigits.slice(1, 3)} ${nationalDigits.slice(3, 7)} ${nationalDigits.slice(7)}`,
  ];
}

/**
 * Caller risk in the real browser, through the managed policy when this machine lets the test
 * install one (CI runs as root), otherwise through local settings. The Connect instance is in
 * Tokyo, so national numbers are read as Japanese (the candidate-country rule).
 */
describe('caller risk before the agent answers', () => {
  const managed = canWriteManagedPolicy();
  let file: ManagedPolicyFile | null = null;
  let session: ShieldSession;
  let page: Page;
  let policy: Record<string, unknown>;
  const consoleLines: string[] = [];
  const listen = (message: ConsoleMessage) => consoleLines.push(message.text());

  beforeAll(async () => {
    file = managed ? managedPolicyFile() : null;
    session = await startShieldSession({
      emulator: { region: 'ap-northeast-1' },
      ...(managed ? { localPolicy: null } : {}),
      beforeLaunch: (emulator) => {
        policy = {
          instance: { ccpUrl: emulator.ccpUrl, region: emulator.region },
          risk: { denyList: [DENIED, '+12015550123'], repeatContact: { count: 2, windowMinutes: 60 } },
        };
        file?.install(policy);
      },
    });
    if (!managed) await session.shield.setLocalPolicy(policy);
    session.shield.context.on('console', listen);
    const watchWorker = (worker: Worker) => worker.on('console', listen);
    session.shield.context.serviceWorkers().forEach(watchWorker);
    session.shield.context.on('serviceworker', watchWorker);
  });
  afterAll(async () => {
    file?.remove();
    await session?.close();
  });
  afterEach(async () => {
    await page?.close();
    await session.emulator.control.reset();
  });

  const card = (contactId: string) => page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`);
  const auditLog = async () => storedAuditLog(await session.shield.storageDump());
  const openDesk = async () => {
    page = await session.openDesk();
    page.on('console', listen);
    return page;
  };
  const ring = async (caller: string) => {
    const contactId = await session.emulator.control.addContact({ type: 'voice', caller, initialState: 'incoming' });
    await expect.poll(() => card(contactId).getAttribute('data-caller-risk'), POLICY_WAIT).toBe('assessed');
    return contactId;
  };

  it('shows the deny-list banner while the call rings, audits it, and the number is nowhere', async () => {
    await openDesk();
    const contactId = await ring(DENIED_AS_DIALED);
    const banner = card(contactId).locator('[data-risk=deny-listed]');
    await expect.poll(() => banner.textContent()).toContain("This number is on your organization's deny list");
    // Before Accept: the contact still rings and Accept is offered.
    expect(await card(contactId).getAttribute('data-phase')).toBe('incoming');
    expect(await card(contactId).getByTestId('accept').isVisible()).toBe(true);
    await expect
      .poll(async () => (await auditLog()).filter((event) => event.type === 'caller.denyListed').map((event) => event.details))
      .toEqual([{ contactId, channel: 'voice' }]);
    // A non-listed number in the same session: no banner.
    const other = await ring('+81 90 1234 5679');
    expect(await card(other).locator('[data-risk=deny-listed]').count()).toBe(0);

    const options = await session.shield.open('src/options/options.html');
    await options.getByTestId('setting').first().waitFor();
    const surfaces = {
      shell: await pageSurfaces(page),
      options: await pageSurfaces(options),
      storage: JSON.stringify(await session.shield.storageDump()),
      audit: JSON.stringify(await auditLog()),
      console: consoleLines.join('\n'),
    };
    await options.close();
    for (const [where, text] of Object.entries(surfaces)) {
      for (const spelling of numberSpellings(DENIED, DENIED_AS_DIALED)) expect(text, `${spelling} in ${where}`).not.toContain(spelling);
    }
  });

  it('labels a withheld caller and neither matches nor counts it', async () => {
    await openDesk();
    const contactId = await ring('anonymous');
    expect(await card(contactId).locator('[data-risk=withheld]').textContent()).toContain('Number withheld');
    expect(await card(contactId).locator('[data-risk=deny-listed], [data-risk=repeat]').count()).toBe(0);
  });

  it('warns on the contact after the policy count and not before, and keeps counting across a worker restart', async () => {
    await openDesk();
    const first = await ring(REPEATER);
    const second = await ring('03-1234-5678');
    for (const contactId of [first, second]) expect(await card(contactId).locator('[data-risk=repeat]').count()).toBe(0);

    // Stop the worker for real; a marker in its global scope proves the next one is a new instance.
    const before = await session.shield.worker();
    await before.evaluate(() => Object.assign(globalThis, { riskTestMarker: true }));
    await stopServiceWorker(session.shield, page);

    const third = await ring('+81-3-1234-5678');
    const banner = card(third).locator('[data-risk=repeat]');
    expect(await banner.textContent()).toBe('3rd contact from this number in 60 minutes');
    const after = await session.shield.worker();
    expect(await after.evaluate(() => 'riskTestMarker' in globalThis)).toBe(false);
    // The worker records audit after it answered: the banner can be on screen first.
    const repeats = async () => (await auditLog()).filter((event) => event.type === 'caller.repeat').map((event) => event.details);
    await expect.poll(repeats).toEqual([{ contactId: third, channel: 'voice', ordinal: 3, count: 2, windowMinutes: 60 }]);
    const session_ = JSON.stringify((await session.shield.storageDump()).session);
    for (const spelling of numberSpellings('+81312345678', '03-1234-5678')) expect(session_, spelling).not.toContain(spelling);
  });

  it.skipIf(!managed)('applies a deny-list change in the managed policy to the next contact, without a reload', async () => {
    await openDesk();
    const NEW = '+447911123456';
    file?.install({ ...policy, risk: { ...(policy['risk'] as object), denyList: [DENIED, NEW] } });
    // Chromium re-reads policy files on its own schedule: ring until the new list is in force.
    await expect
      .poll(async () => {
        const contactId = await ring('+44 7911 123456');
        const denied = (await card(contactId).locator('[data-risk=deny-listed]').count()) === 1;
        await session.emulator.control.clear(contactId);
        return denied;
      }, POLICY_WAIT)
      .toBe(true);
  });
});

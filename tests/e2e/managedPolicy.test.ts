import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canWriteManagedPolicy, managedPolicyFile, type ManagedPolicyFile } from './support/managedPolicyFile.ts';
import { EXTENSION_ORIGIN, pageSurfaces, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditEvents } from './support/storedAuditEvents.ts';

const EXTENSION_ID = EXTENSION_ORIGIN.replace('chrome-extension://', '');
// Chromium re-reads policy files on its own schedule and reads managed storage slowly at first.
const POLICY_WAIT = { timeout: 60_000, interval: 500 };

/**
 * The real managed-policy path: Chromium on Linux reads /etc/chromium/policies/managed. Needs root
 * (CI runs as root); elsewhere the suite says why it is skipped rather than pretending.
 */
describe.skipIf(!canWriteManagedPolicy())('a policy deployed by IT through managed browser policy', () => {
  let file: ManagedPolicyFile;
  let session: ShieldSession;
  let policy: Record<string, unknown>;

  beforeAll(async () => {
    file = managedPolicyFile();
    // The agent's own settings point elsewhere; the organization's policy must win.
    session = await startShieldSession({
      localPolicy: { instance: { ccpUrl: 'https://elsewhere.my.connect.aws/ccp-v2', region: 'us-east-1' } },
      beforeLaunch: (emulator) => {
        policy = {
          instance: { ccpUrl: emulator.ccpUrl, region: emulator.region },
          approvedOrigins: ['https://crm.example.com'],
          masking: { attributeRules: [{ match: 'memberId', kind: 'secret' }] },
          risk: { denyList: ['+81312345678'] },
        };
        file.install(policy);
      },
    });
  });
  afterAll(async () => {
    file?.remove();
    await session?.close();
  });

  const openOptions = async (): Promise<Page> => session.shield.open('src/options/options.html');

  it('uses the managed instance, not the local one', async () => {
    const page = await session.shield.open('src/shell/shell.html');
    const frame = page.locator('[data-testid=ccp-container] iframe');
    await expect.poll(() => frame.getAttribute('src'), POLICY_WAIT).toBe(session.emulator.ccpUrl);
    await page.getByTestId('agent-name').waitFor();
    const contactId = await session.emulator.control.addContact({ type: 'voice', attributes: { memberId: 'M-1234', orderId: 'ORD-1' } });
    const row = (name: string) => page.locator(`[data-contact-id="${contactId}"] [data-testid=attribute][data-name=${name}] [data-testid=attribute-value]`);
    await expect.poll(() => row('orderId').textContent()).toBe('ORD-1');
    expect(await row('memberId').textContent()).not.toContain('M-1234');
    await page.close();
  });

  it('shows the settings as set by the organization and refuses local edits to them', async () => {
    const page = await openOptions();
    const source = page.getByTestId('ccp-url-source');
    await expect.poll(() => source.getAttribute('data-source'), POLICY_WAIT).toBe('organization');
    expect(await source.textContent()).toBe('Set by your organization');
    expect(await page.locator('[data-testid=setting][data-pointer="/approvedOrigins"]').getAttribute('data-source')).toBe('organization');
    expect(await page.locator('[data-testid=setting][data-pointer="/masking/attributeRules"]').getAttribute('data-source')).toBe('organization');
    expect(await page.locator('[data-testid=setting][data-pointer="/roles"]').getAttribute('data-source')).toBe('default');
    // The deny list is customers' numbers: the page shows how many, and no extension storage holds them.
    expect(await page.locator('[data-testid=setting][data-pointer="/risk/denyList"] td').first().textContent()).toBe('Entries: 1 (not shown)');
    expect(await pageSurfaces(page)).not.toContain('81312345678');
    expect(JSON.stringify(await session.shield.storageDump())).not.toContain('81312345678');

    expect(await page.getByTestId('ccp-url').inputValue()).toBe(session.emulator.ccpUrl);
    expect(await page.getByTestId('ccp-url').isEditable()).toBe(false);
    expect(await page.getByTestId('region').isDisabled()).toBe(true);
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('ccp-url-error').textContent()).toContain('Your organization manages this setting');
    // The agent's local setting is listed as ignored, and the effective instance is unchanged.
    await page.getByTestId('ignored-local').waitFor();
    expect(await page.getByTestId('ignored-local').textContent()).toContain('/instance');
    await page.close();
  });

  it('applies a changed policy without a browser restart', async () => {
    const page = await openOptions();
    const origins = page.locator('[data-testid=setting][data-pointer="/approvedOrigins"] td').first();
    await expect.poll(() => origins.textContent(), POLICY_WAIT).toBe('https://crm.example.com');
    file.install({ ...policy, approvedOrigins: ['https://crm.example.com', 'https://kb.example.com'] });
    await expect.poll(() => origins.textContent(), POLICY_WAIT).toBe('https://crm.example.com, https://kb.example.com');
    await page.close();
  });

  it('stops the shell with a clear message when the managed policy is invalid, and audits it', async () => {
    file.installRaw({ '3rdparty': { extensions: { [EXTENSION_ID]: { ...policy, approvedOrigins: ['http://crm.example.com'] } } } });
    const page = await session.shield.open('src/shell/shell.html');
    const problem = page.getByTestId('config-problem');
    await expect.poll(() => problem.getAttribute('data-status').catch(() => null), POLICY_WAIT).toBe('invalid-managed');
    expect(await problem.textContent()).toContain('/approvedOrigins/0');
    expect(await page.locator('iframe').count()).toBe(0);
    const log = storedAuditEvents((await session.shield.storageDump()).local);
    expect(log.some((event) => event.type === 'policy.invalid' && event.details.source === 'organization')).toBe(true);
    await page.close();
  });
});

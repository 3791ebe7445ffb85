import type { Page } from 'playwright-core';
import { STORAGE_KEYS } from '../../src/core/storage/storageKeys.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canWriteManagedPolicy, managedPolicyFile, type ManagedPolicyFile } from './support/managedPolicyFile.ts';
import { EXTENSION_ORIGIN, pageSurfaces, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog } from './support/storedValues.ts';
import { stopServiceWorker } from './support/stopServiceWorker.ts';
import { workerRequestMessage } from '../../src/core/messaging/workerMessages.ts';
import { NOTHING } from '../../src/core/messaging/workerRequests.ts';

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
          roles: { elevatedViewAllowed: false },
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
    expect(await page.locator('[data-testid=setting][data-pointer="/roles"]').first().getAttribute('data-source')).toBe('organization');
    // The CLI's own export carries its seal and arrived whole: no "cannot be checked" warning.
    expect(await page.getByTestId('delivery-unchecked').count()).toBe(0);
    expect(await page.getByTestId('evaluation-mode').count()).toBe(0);
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

  it('a managed policy changed while the worker was stopped rewrites the rules before the first answer', async () => {
    const page = await openOptions();
    const origins = page.locator('[data-testid=setting][data-pointer="/approvedOrigins"] td').first();
    // The worker's answer to policy.current, and the rules as Chrome holds them right after it, read in the page in one go.
    const askWithRules = () =>
      page.evaluate(
        async (message) => {
          // The wire message callWorker sends, sent from the page so that the worker sees the page as its sender.
          // eslint-disable-next-line no-restricted-syntax
          const reply = JSON.stringify(await chrome.runtime.sendMessage(message));
          return { reply, rules: JSON.stringify(await chrome.declarativeNetRequest.getDynamicRules()) };
        },
        workerRequestMessage('policy.current', NOTHING),
      );
    file.install({ ...policy, approvedOrigins: ['https://crm.example.com', 'https://kb.example.com'] });
    await expect.poll(() => origins.textContent(), POLICY_WAIT).toBe('https://crm.example.com, https://kb.example.com');
    // A wake with the policy unchanged: the worker keeps the installed set's digest and skips the read-back.
    await stopServiceWorker(session.shield, page);
    const unchanged = await askWithRules();
    expect(unchanged.reply).toContain('https://kb.example.com');
    expect(unchanged.rules).toContain('|https://kb.example.com/');
    expect(await (await session.shield.worker()).evaluate(() => performance.getEntriesByName('startup:rules-kept').length)).toBe(1);

    await stopServiceWorker(session.shield, page);
    file.install({ ...policy, approvedOrigins: ['https://crm.example.com', 'https://stopped.example.com'] });
    // The first answer naming the new origin comes with the new origin's rule, and without the old set's.
    const answers: { reply: string; rules: string }[] = [];
    await expect
      .poll(async () => {
        const answer = await askWithRules();
        answers.push(answer);
        return answer.reply.includes('https://stopped.example.com');
      }, POLICY_WAIT)
      .toBe(true);
    const first = answers.find((answer) => answer.reply.includes('https://stopped.example.com'));
    expect(first?.rules).toContain('|https://stopped.example.com/');
    expect(first?.rules).not.toContain('kb.example.com');
    await expect.poll(() => origins.textContent(), POLICY_WAIT).toBe('https://crm.example.com, https://stopped.example.com');
    await page.close();
  });

  it("shows the card's attributes as IT configured them: labels, order, hidden ones gone, masking unchanged", async () => {
    file.install({
      ...policy,
      card: {
        attributes: [
          { match: 'cardNumber', label: { en: 'Card number', ja: 'カード番号' } },
          { match: 'internal_*', hidden: true },
          { match: 'orderId', label: { en: 'Order' } },
        ],
      },
    });
    const options = await openOptions();
    const row = options.locator('[data-testid=setting][data-pointer="/card"] td').first();
    await expect
      .poll(() => row.textContent().catch(() => ''), POLICY_WAIT)
      .toBe('cardNumber shown as “Card number”, internal_* hidden from agents, orderId shown as “Order”');
    expect(await options.locator('[data-testid=setting][data-pointer="/card"]').getAttribute('data-source')).toBe('organization');
    await options.close();

    const page = await session.shield.open('src/shell/shell.html');
    await page.getByTestId('agent-name').waitFor({ timeout: 60_000 });
    const contactId = await session.emulator.control.addContact({
      type: 'voice',
      attributes: { tier: 'gold', internal_route: 'ROUTE-77', orderId: 'ORD-3', cardNumber: '4111 1111 1111 1111' },
    });
    const card = page.locator(`[data-contact-id="${contactId}"]`);
    await card.locator('[data-testid=attribute][data-name=orderId]').waitFor();
    const shown = await card
      .locator('[data-testid=attribute]')
      .evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('[data-testid=attribute-value]')?.textContent ?? '']),
      );
    expect(shown).toEqual([
      ['Card number', '•••• 1111'],
      ['Order', 'ORD-3'],
      ['tier', 'gold'],
    ]);
    expect(await pageSurfaces(page)).not.toContain('ROUTE-77');
    expect(await pageSurfaces(page)).not.toContain('4111 1111');
    await page.close();
  });

  it('stops the shell with a clear message when the managed policy is invalid, and audits it', async () => {
    file.installRaw({ '3rdparty': { extensions: { [EXTENSION_ID]: { ...policy, approvedOrigins: ['http://crm.example.com'] } } } });
    const page = await session.shield.open('src/shell/shell.html');
    const problem = page.getByTestId('config-problem');
    await expect.poll(() => problem.getAttribute('data-status').catch(() => null), POLICY_WAIT).toBe('invalid-managed');
    expect(await problem.textContent()).toContain('/approvedOrigins/0');
    expect(await page.locator('iframe').count()).toBe(0);
    const log = async () => storedAuditLog(await session.shield.storageDump());
    await expect.poll(async () => (await log()).some((event) => event.type === 'policy.invalid' && event.details.source === 'organization')).toBe(true);
    await page.close();
  });
  it('an agent cannot make themselves a supervisor by writing extension storage on a managed browser', async () => {
    // The organization is silent on roles, origins and framing: their defaults must hold, not the agent's values.
    const { roles: _roles, ...silentOnRoles } = policy;
    void _roles;
    file.install(silentOnRoles);
    await session.emulator.control.setAgent({ username: 'agent7', name: 'Agent Seven' });
    const options = await openOptions();
    await expect.poll(() => options.locator('[data-testid=setting][data-label=setting_elevatedViewAllowed] td').first().textContent(), POLICY_WAIT).toBe('No');
    // What an agent could do from the options page's console: write the local settings directly.
    await options.evaluate(
      (key) =>
        chrome.storage.local.set({
          [key]: {
            instance: { ccpUrl: 'https://elsewhere.my.connect.aws/ccp-v2' },
            approvedOrigins: ['https://evil.example.com'],
            roles: {
              elevatedViewAllowed: true,
              supervisors: { usernames: ['agent7'] },
              revealableKinds: ['ssn', 'phone'],
              revealSeconds: 600,
              reasonRequired: false,
            },
            framing: { compatibilityMode: true },
          },
        }),
      STORAGE_KEYS.local.localPolicy,
    );
    await expect
      .poll(
        () =>
          options
            .getByTestId('ignored-local')
            .textContent()
            .catch(() => ''),
        POLICY_WAIT,
      )
      .toContain('/framing/compatibilityMode');
    expect(await options.locator('[data-testid=setting][data-label=setting_elevatedViewAllowed] td').first().textContent()).toBe('No');
    expect(await options.locator('[data-testid=setting][data-label=setting_revealableKinds] td').first().textContent()).toBe('None');
    expect(await options.locator('[data-testid=setting][data-label=setting_approvedOrigins] td').first().textContent()).toBe('https://crm.example.com');
    expect(await options.locator('[data-testid=setting][data-label=setting_compatibilityMode] td').first().textContent()).toBe('Off');
    await options.close();

    const page = await session.shield.open('src/shell/shell.html');
    await page.getByTestId('agent-name').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=ccp-container] iframe').getAttribute('src')).toBe(session.emulator.ccpUrl);
    const contactId = await session.emulator.control.addContact({ type: 'voice', attributes: { ssn: '078-05-1120', orderId: 'ORD-2' } });
    const card = page.locator(`[data-contact-id="${contactId}"]`);
    await card.locator('[data-testid=attribute][data-name=orderId]').waitFor();
    expect(await page.getByTestId('elevated-view').count()).toBe(0);
    expect(await card.getByRole('button', { name: /reveal/i }).count()).toBe(0);
    expect(await pageSurfaces(page)).not.toContain('078-05-1120');
    await page.close();
    await session.shield.setLocalPolicy({ instance: { ccpUrl: 'https://elsewhere.my.connect.aws/ccp-v2', region: 'us-east-1' } });
  });

  it('refuses the whole policy when the browser dropped a value, names it and audits it; a hand-written policy is accepted with a warning', async () => {
    // A hand edit of the exported policy: a string where a boolean belongs. Chrome drops `roles` whole.
    file.installEdited(policy, (exported) => {
      exported['roles'] = { elevatedViewAllowed: 'true' };
    });
    const page = await session.shield.open('src/shell/shell.html');
    const problem = page.getByTestId('config-problem');
    await expect.poll(() => problem.getAttribute('data-status').catch(() => null), POLICY_WAIT).toBe('dropped-managed');
    expect(await problem.textContent()).toContain("Your organization's policy did not arrive complete");
    expect(await problem.textContent()).toContain('/roles');
    expect(await problem.textContent()).toContain('did not deliver');
    expect(await page.locator('iframe').count()).toBe(0);
    const log = async () => storedAuditLog(await session.shield.storageDump());
    await expect
      .poll(async () => (await log()).some((event) => event.type === 'policy.values_dropped' && JSON.stringify(event.details.pointers) === '["/roles"]'))
      .toBe(true);
    await page.close();

    // The same policy written by hand (no seal) is accepted only because it validates, with a warning.
    file.installRaw({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } });
    const options = await openOptions();
    await options.getByTestId('delivery-unchecked').waitFor({ timeout: POLICY_WAIT.timeout });
    expect(await options.getByTestId('delivery-unchecked').textContent()).toContain('cannot check whether the browser dropped');
    await options.close();
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/cli/browser/findChromium.ts';
import { startEmulator, type RunningEmulator } from '../emulator/startEmulator.ts';
import { parseCrx3 } from './support/crx3Parser.ts';
import { runCli, startLoopbackUpdateServer, writeOrganizationKey, type LoopbackUpdateServer } from './support/loopbackUpdateServer.ts';
import { canWriteManagedPolicy, CHROMIUM_MANAGED_POLICY_DIR } from './support/managedPolicyFile.ts';
import { startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog } from './support/storedValues.ts';

const INSTALL_WAIT = { timeout: 120_000, interval: 1_000 };

/**
 * The rollout as IT does it: a key, `package`, a loopback update server, `policy export` with
 * that update URL written to Chromium's managed-policy folder, and a browser that installs the
 * extension by itself. Needs root for the managed folder (CI runs as root).
 */
describe.skipIf(!canWriteManagedPolicy())('a fleet rollout: package, self-hosted update URL, force-install by policy', () => {
  const work = mkdtempSync(join(tmpdir(), 'connect-shield-rollout-'));
  const out = join(work, 'package');
  const unique = `connect-shield-e2e-rollout-${String(process.pid)}`;
  const browserPolicyFile = join(CHROMIUM_MANAGED_POLICY_DIR, `${unique}-browser.json`);
  const extensionPolicyFile = join(CHROMIUM_MANAGED_POLICY_DIR, `${unique}.json`);
  let server: LoopbackUpdateServer | undefined;
  let updateUrl = '';
  let extensionId = '';
  let emulator: RunningEmulator;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    const key = writeOrganizationKey(work);
    server = await startLoopbackUpdateServer(() => out);
    updateUrl = server.updateUrl;
    const printed = runCli(['package', '--key', key, '--update-url', updateUrl, '--out', out]);
    extensionId = /extension id: ([a-p]{32})/.exec(printed)?.[1] ?? '';
    emulator = await startEmulator({ approvedOrigins: [`chrome-extension://${extensionId}`] });
  }, 180_000);

  afterAll(async () => {
    rmSync(browserPolicyFile, { force: true });
    rmSync(extensionPolicyFile, { force: true });
    await context?.close();
    await emulator?.close();
    server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('package signs a CRX3 whose ID, read back by an independent parser, is the one derived from the key', () => {
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    const crx = parseCrx3(readFileSync(join(out, 'connect-shield-0.1.0.crx')));
    expect(crx.version).toBe(3);
    expect(crx.signedId).toBe(extensionId);
    expect(crx.keyIds).toEqual([extensionId]);
    expect(crx.signaturesValid).toEqual([true]);
    expect(crx.zipStartsWithLocalHeader).toBe(true);
    // The unpacked copy names the same ID through its manifest key.
    const manifest = JSON.parse(readFileSync(join(out, 'extension', 'manifest.json'), 'utf8')) as { key: string };
    const publicDer = execFileSync('openssl', ['rsa', '-in', join(work, 'key.pem'), '-pubout', '-outform', 'DER'], { stdio: ['ignore', 'pipe', 'ignore'] });
    expect(manifest.key).toBe(publicDer.toString('base64'));
    expect(readFileSync(join(out, 'updates.xml'), 'utf8')).toContain(`appid='${extensionId}'`);
  });

  it('Chromium installs it from the update URL by policy; with no extension policy it fails closed, with the export it runs the desk', async () => {
    const policyPath = join(work, 'policy.json');
    writeFileSync(policyPath, JSON.stringify({ instance: { ccpUrl: emulator.ccpUrl, region: emulator.region } }));
    runCli([
      'policy',
      'export',
      policyPath,
      '--browser',
      'chrome',
      '--os',
      'linux',
      '--out',
      join(work, 'export'),
      '--extension-id',
      extensionId,
      '--update-url',
      updateUrl,
    ]);
    // First only the browser half: the extension arrives, its own policy does not (as when a file is unreadable).
    // The one addition to the export: with DeveloperToolsAvailability unset, Chromium's default (0) refuses
    // DevTools — and so the test's CDP connection — on force-installed extensions: their pages report
    // "Target page, context or browser has been closed" to every evaluate and their service worker never
    // appears to the test. 1 allows DevTools everywhere; it changes nothing in how the extension is installed.
    const browserPolicy = JSON.parse(readFileSync(join(work, 'export', 'connect-shield-browser.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(browserPolicyFile, JSON.stringify({ ...browserPolicy, DeveloperToolsAvailability: 1 }));

    const executablePath = findChromium();
    if (!executablePath) throw new Error('no Chromium');
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath,
      headless: true,
      // Playwright's defaults switch extensions and their update checks off; a force-install needs both.
      ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-default-apps'],
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        `--host-resolver-rules=${emulator.hostResolverRules}`,
        `--ignore-certificate-errors-spki-list=${emulator.spkiHash}`,
      ],
    });
    const origin = `chrome-extension://${extensionId}`;
    // Nothing but the policy brings the extension in: its worker starting is the installation finishing.
    const installed = context.serviceWorkers().find((worker) => worker.url().startsWith(origin));
    await (installed ?? context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith(origin), timeout: INSTALL_WAIT.timeout }));
    const page = await context.newPage();
    await page.goto(`${origin}/src/options/options.html`);
    expect(await page.getByTestId('what-you-can-change').textContent()).toContain('Your organization manages Connect Shield on this browser');
    expect(server?.requests).toContain('/updates.xml');
    expect(server?.requests).toContain('/connect-shield-0.1.0.crx');
    const self = await page.evaluate(() => chrome.management.getSelf().then((info) => ({ id: info.id, installType: info.installType })));
    expect(self).toEqual({ id: extensionId, installType: 'admin' });

    await page.goto(`${origin}/src/shell/shell.html`);
    const problem = page.getByTestId('config-problem');
    await expect.poll(() => problem.getAttribute('data-status').catch(() => null), INSTALL_WAIT).toBe('managed-missing');
    expect(await problem.textContent()).toContain('installed by your organization');
    expect(await page.locator('iframe').count()).toBe(0);
    expect(await page.getByTestId('evaluation-mode').count()).toBe(0);

    // Then the extension's policy, exactly as exported: the desk comes up.
    writeFileSync(extensionPolicyFile, readFileSync(join(work, 'export', 'connect-shield.json')));
    // The open shell follows the policy's arrival by itself (Chromium re-reads the folder on its own schedule).
    const ccpFrame = page.locator('[data-testid=ccp-container] iframe');
    await expect.poll(() => ccpFrame.getAttribute('src').catch(() => null), INSTALL_WAIT).toBe(emulator.ccpUrl);
    await page.getByTestId('agent-name').waitFor({ timeout: INSTALL_WAIT.timeout });
    expect(await page.getByTestId('evaluation-mode').count()).toBe(0);
  }, 300_000);
});

/** A hand-installed extension with no managed policy: evaluation mode, said on every page and in every audit event. */
describe('evaluation mode', () => {
  let session: ShieldSession;
  beforeAll(async () => {
    session = await startShieldSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the shell and the options page say so, and audit events carry it', async () => {
    const desk = await session.openDesk();
    expect(await desk.getByTestId('evaluation-mode').textContent()).toBe('Evaluation mode — settings on this browser are not protected');
    const options = await session.shield.open('src/options/options.html');
    await options.getByTestId('evaluation-mode').waitFor();
    expect(await options.getByTestId('what-you-can-change').textContent()).toContain('You can choose the Connect instance');
    // An audit event recorded now (a page's report of a blocked request) is marked.
    await desk.evaluate(() => fetch('https://unapproved.my.connect.aws/').catch(() => undefined));
    await expect
      .poll(
        async () => {
          const log = storedAuditLog(await session.shield.storageDump());
          return log.length > 0 && log.every((event) => event.deployment === 'evaluation');
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await options.close();
    await desk.close();
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/cli/browser/findChromium.ts';
import { startEmulator, type RunningEmulator } from '../emulator/startEmulator.ts';
import { runCli, startLoopbackUpdateServer, writeOrganizationKey, type LoopbackUpdateServer } from './support/loopbackUpdateServer.ts';
import { canWriteManagedPolicy, CHROMIUM_MANAGED_POLICY_DIR } from './support/managedPolicyFile.ts';

const WAIT = { timeout: 120_000, interval: 500 };
const OLD = '0.1.0';
const NEW = '0.1.1';

/**
 * A new version reaches a desktop in the middle of a call, the real way: force-installed from a
 * loopback update URL (as deployment.test.ts installs it), then the update URL starts naming a
 * higher version and the extension asks for an update check. Chromium downloads and stages it;
 * the running desk must stay (same document, call still up) until the contact is over, and the
 * extension must then come back as the new version. Needs root for the managed folder.
 */
describe.skipIf(!canWriteManagedPolicy())('an extension update arriving during a call', () => {
  const work = mkdtempSync(join(tmpdir(), 'connect-shield-update-'));
  const unique = `connect-shield-e2e-update-${String(process.pid)}`;
  const browserPolicyFile = join(CHROMIUM_MANAGED_POLICY_DIR, `${unique}-browser.json`);
  const extensionPolicyFile = join(CHROMIUM_MANAGED_POLICY_DIR, `${unique}.json`);
  const profile = join(work, 'profile');
  let served = join(work, OLD);
  let server: LoopbackUpdateServer | undefined;
  let updateUrl = '';
  let extensionId = '';
  let emulator: RunningEmulator;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    const key = writeOrganizationKey(work);
    server = await startLoopbackUpdateServer(() => served);
    updateUrl = server.updateUrl;
    // Version N and N+1 of the same code, signed with the same key: one extension ID.
    for (const version of [OLD, NEW]) {
      const printed = runCli(['package', '--key', key, '--update-url', updateUrl, '--out', join(work, version), '--version', version]);
      extensionId = /extension id: ([a-p]{32})/.exec(printed)?.[1] ?? '';
    }
    emulator = await startEmulator({ approvedOrigins: [`chrome-extension://${extensionId}`] });
    const policyPath = join(work, 'policy.json');
    writeFileSync(policyPath, JSON.stringify({ instance: { ccpUrl: emulator.ccpUrl, region: emulator.region } }));
    const exported = join(work, 'export');
    runCli([
      'policy',
      'export',
      policyPath,
      '--browser',
      'chrome',
      '--os',
      'linux',
      '--out',
      exported,
      '--extension-id',
      extensionId,
      '--update-url',
      updateUrl,
    ]);
    // As in deployment.test.ts: DevTools (the test's CDP connection) must be allowed on the force-installed extension.
    const browserPolicy = JSON.parse(readFileSync(join(exported, 'connect-shield-browser.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(browserPolicyFile, JSON.stringify({ ...browserPolicy, DeveloperToolsAvailability: 1 }));
    writeFileSync(extensionPolicyFile, readFileSync(join(exported, 'connect-shield.json')));
  }, 300_000);

  afterAll(async () => {
    rmSync(browserPolicyFile, { force: true });
    rmSync(extensionPolicyFile, { force: true });
    await context?.close();
    await emulator?.close();
    server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const origin = () => `chrome-extension://${extensionId}`;
  const versionOf = (worker: Worker) => worker.evaluate(() => chrome.runtime.getManifest().version).catch(() => null);
  const workerOfVersion = async (version: string): Promise<Worker | null> => {
    for (const worker of context?.serviceWorkers() ?? []) {
      if (worker.url().startsWith(origin()) && (await versionOf(worker)) === version) return worker;
    }
    return null;
  };

  it('holds the update while the call is live, then reloads to the new version once the contact is over', async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('no Chromium');
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-default-apps'],
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        `--host-resolver-rules=${emulator.hostResolverRules}`,
        `--ignore-certificate-errors-spki-list=${emulator.spkiHash}`,
      ],
    });
    await expect.poll(() => workerOfVersion(OLD), WAIT).not.toBeNull();

    const desk = await context.newPage();
    await desk.goto(`${origin()}/src/shell/shell.html`);
    await desk.getByTestId('agent-name').waitFor({ timeout: WAIT.timeout });
    // A mark on this document: a reload of the extension would close the page and lose it.
    await desk.evaluate(() => Reflect.set(window, 'deskMark', 'still-here'));
    const contactId = await emulator.control.addContact({ type: 'voice', attributes: { orderId: 'ORD-42' } });
    await emulator.control.accept(contactId);
    const card = desk.locator(`[data-contact-id="${contactId}"]`);
    await expect.poll(() => card.getAttribute('data-phase'), WAIT).toBe('connected');

    // Version N+1 appears at the update URL; the extension asks the browser to check now.
    served = join(work, NEW);
    const check = await desk.evaluate(() => chrome.runtime.requestUpdateCheck());
    expect(check).toMatchObject({ status: 'update_available', version: NEW });
    // Chromium fetched the new package and staged it (unpacked next to the running version) …
    await expect.poll(() => (server?.requests ?? []).includes(`/connect-shield-${NEW}.crx`), WAIT).toBe(true);
    await expect.poll(() => existsSync(join(profile, 'Default', 'Extensions', extensionId, `${NEW}_0`)), WAIT).toBe(true);
    // … and the desk that is on the call is the same document, still on version N, the call still up.
    expect(await desk.evaluate((): unknown[] => [Reflect.get(window, 'deskMark') as unknown, chrome.runtime.getManifest().version])).toEqual([
      'still-here',
      OLD,
    ]);
    expect(await card.getAttribute('data-phase')).toBe('connected');
    expect((await emulator.control.contact(contactId))?.state).toBe('connected');
    expect(await workerOfVersion(NEW)).toBeNull();

    // The customer hangs up; after-contact work still holds it; clearing the contact lets it through.
    await emulator.control.end(contactId);
    await expect.poll(() => card.getAttribute('data-phase'), WAIT).toBe('after_contact_work');
    expect(await desk.evaluate((): unknown => Reflect.get(window, 'deskMark'))).toBe('still-here');
    await emulator.control.clear(contactId);
    await expect.poll(() => workerOfVersion(NEW), WAIT).not.toBeNull();
    expect(desk.isClosed()).toBe(true);
  }, 300_000);
});

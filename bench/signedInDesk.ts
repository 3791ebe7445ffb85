import type { Page } from 'playwright-core';
import { extensionIdFromManifest } from '../src/cli/browser/extensionId.ts';
import { launchShield, type ShieldBrowser } from '../src/cli/browser/launchShield.ts';
import { startEmulator, type RunningEmulator } from '../tests/emulator/startEmulator.ts';

const EXTENSION_ORIGIN = `chrome-extension://${extensionIdFromManifest('manifest.json')}`;

/**
 * The browser benches' common start: the emulator, the built extension with the emulator's
 * instance as local settings, and the shell with its agent signed in. `close` ends both.
 */
export async function openSignedInDesk(): Promise<{ emulator: RunningEmulator; shield: ShieldBrowser; page: Page; close(): Promise<void> }> {
  const emulator = await startEmulator({ approvedOrigins: [EXTENSION_ORIGIN] });
  const shield = await launchShield({ chromiumArgs: [...emulator.chromiumArgs] });
  const close = async (): Promise<void> => {
    await shield.close();
    await emulator.close();
  };
  try {
    await shield.setLocalPolicy({ instance: { ccpUrl: emulator.ccpUrl, region: emulator.region } });
    const page = await shield.open('src/shell/shell.html');
    await page.getByTestId('agent-name').waitFor({ timeout: 30_000 });
    return { emulator, shield, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

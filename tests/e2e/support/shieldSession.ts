import type { Page } from 'playwright-core';
import { extensionIdFromManifest } from '../../../src/cli/browser/extensionId.ts';
import { launchShield, type ShieldBrowser } from '../../../src/cli/browser/launchShield.ts';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/startEmulator.ts';

/** The extension's origin, from the manifest's fixed key (the same one the built extension has). */
export const EXTENSION_ORIGIN = `chrome-extension://${extensionIdFromManifest('manifest.json')}`;

export interface ShieldSession {
  emulator: RunningEmulator;
  shield: ShieldBrowser;
  /** Opens the full-tab shell and waits until the CCP has signed the agent in. */
  openDesk(): Promise<Page>;
  close(): Promise<void>;
}

export interface ShieldSessionOptions {
  emulator?: EmulatorOptions;
  /** Extra `MAP host 127.0.0.1:port` rules for hostile listeners. */
  extraHostRules?: string[];
  /** Extra certificate keys to trust (hostile HTTPS servers), besides the emulator's. */
  extraSpkiHashes?: string[];
  /** The local policy to install; default: the emulator's instance. `null` installs none. */
  localPolicy?: unknown;
  /** Settings added to the default local policy (the emulator's instance), e.g. `roles`. */
  withPolicy?: Record<string, unknown>;
  userDataDir?: string;
  /** More Chromium flags (e.g. fake media devices for the softphone). */
  chromiumArgs?: string[];
  /** Other unpacked extensions in the same browser (an attacker's extension). */
  extraExtensionDirs?: string[];
  /** Runs after the emulator starts and before the browser launches (e.g. to install a managed policy). */
  beforeLaunch?: (emulator: RunningEmulator) => void | Promise<void>;
}

/** One emulator and one browser with the built extension, pointed at each other. */
export async function startShieldSession(options: ShieldSessionOptions = {}): Promise<ShieldSession> {
  const emulator = await startEmulator({ approvedOrigins: [EXTENSION_ORIGIN], ...options.emulator });
  await options.beforeLaunch?.(emulator);
  const rules = [emulator.hostResolverRules, ...(options.extraHostRules ?? [])].join(', ');
  const shield = await launchShield({
    chromiumArgs: [
      `--host-resolver-rules=${rules}`,
      `--ignore-certificate-errors-spki-list=${[emulator.spkiHash, ...(options.extraSpkiHashes ?? [])].join(',')}`,
      ...(options.chromiumArgs ?? []),
    ],
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    ...(options.extraExtensionDirs ? { extraExtensionDirs: options.extraExtensionDirs } : {}),
  });
  const localPolicy =
    options.localPolicy === undefined ? { instance: { ccpUrl: emulator.ccpUrl, region: emulator.region }, ...options.withPolicy } : options.localPolicy;
  if (localPolicy !== null) await shield.setLocalPolicy(localPolicy);
  return {
    emulator,
    shield,
    async openDesk() {
      const page = await shield.open('src/shell/shell.html');
      await page.getByTestId('agent-name').waitFor();
      return page;
    },
    async close() {
      await shield.close();
      await emulator.close();
    },
  };
}

/**
 * Every place a raw value could surface in a page: visible text, every attribute of every
 * element (titles, data-*, aria-*), and form values.
 */
export async function pageSurfaces(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.body.innerText, document.title];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) parts.push(attribute.value);
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value);
    }
    return parts.join('\n');
  });
}

/** The raw value in every spelling an agent could recognise: as given, digits only, spaced. */
export function spellings(raw: string): string[] {
  const digits = raw.replace(/\D/g, '');
  return [...new Set([raw, ...(digits.length >= 6 ? [digits, digits.replace(/(\d{4})(?=\d)/g, '$1 ')] : [])])];
}

import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian/Ubuntu Chromium reads machine-wide policy files on Linux. */
export const CHROMIUM_MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';

/** Chromium builds that read CHROMIUM_MANAGED_POLICY_DIR (Chrome for Testing and snaps read elsewhere). */
const BROWSERS_READING_DIR = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export type ManagedPathCheck = { usable: true } | { usable: false; reason: string };

/** Whether this machine lets the preview install a real managed policy: Linux, root, Debian Chromium, a writable directory. */
export function checkManagedPath(executablePath: string, dir: string = CHROMIUM_MANAGED_POLICY_DIR): ManagedPathCheck {
  if (process.platform !== 'linux') return { usable: false, reason: `managed policy files are only written on Linux (this is ${process.platform})` };
  if (process.getuid?.() !== 0) return { usable: false, reason: `writing ${dir} needs root` };
  if (!BROWSERS_READING_DIR.includes(executablePath)) return { usable: false, reason: `${executablePath} does not read ${dir}` };
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch {
    return { usable: false, reason: `${dir} is not writable` };
  }
  return { usable: true };
}

export interface ManagedPolicyFile {
  path: string;
  /** Idempotent and synchronous, so a signal handler can call it. */
  remove(): void;
}

/** Writes the policy for one extension as Chromium expects it; the file name is unique per run. */
export function writeManagedPolicyFile(extensionId: string, policy: unknown, dir: string = CHROMIUM_MANAGED_POLICY_DIR): ManagedPolicyFile {
  const path = join(dir, `connect-shield-preview-${randomBytes(6).toString('hex')}.json`);
  writeFileSync(path, `${JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2)}\n`, { mode: 0o644 });
  let removed = false;
  return {
    path,
    remove() {
      if (removed) return;
      removed = true;
      rmSync(path, { force: true });
    },
  };
}

/** Other policy files naming the same extension: Chromium would merge them with ours, and the preview would not show our policy alone. */
export function otherPolicyFilesFor(extensionId: string, ownPath: string, dir: string = CHROMIUM_MANAGED_POLICY_DIR): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name))
    .filter((path) => path !== ownPath && readQuietly(path).includes(extensionId));
}

function readQuietly(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

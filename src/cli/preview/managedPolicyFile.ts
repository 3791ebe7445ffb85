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

/** `connect-shield-preview-<pid of the preview>-<random>.json`: the pid lets a later run tell a file it owns from a live one. */
const PREVIEW_FILE = /^connect-shield-preview-(\d+)-[0-9a-f]{12}\.json$/;

/**
 * Writes the policy for one extension as Chromium expects it; the file name is unique per run and
 * carries the preview's process id, so that a preview killed before it could clean up (SIGKILL, a
 * power cut) leaves a file the next run recognises and removes (`removeStalePreviewFiles`).
 */
export function writeManagedPolicyFile(
  extensionId: string,
  policy: unknown,
  dir: string = CHROMIUM_MANAGED_POLICY_DIR,
  pid: number = process.pid,
): ManagedPolicyFile {
  const path = join(dir, `connect-shield-preview-${String(pid)}-${randomBytes(6).toString('hex')}.json`);
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

/**
 * Removes the managed policy files of earlier previews whose process is gone, and returns their
 * paths. Only files named by `writeManagedPolicyFile` are touched: a file of a preview still
 * running (its pid is alive) stays, and so does anything IT deployed in the same directory.
 */
export function removeStalePreviewFiles(dir: string = CHROMIUM_MANAGED_POLICY_DIR, isAlive: (pid: number) => boolean = processIsAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = PREVIEW_FILE.exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    const path = join(dir, name);
    rmSync(path, { force: true });
    removed.push(path);
  }
  return removed;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

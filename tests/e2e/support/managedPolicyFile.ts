import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Chromium on Linux reads machine policy from; writable only by root. */
export const CHROMIUM_MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';

export function canWriteManagedPolicy(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    mkdirSync(CHROMIUM_MANAGED_POLICY_DIR, { recursive: true });
    accessSync(CHROMIUM_MANAGED_POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A policy installed the way IT installs it: exported by the real CLI for Linux, then placed in
 * Chromium's managed-policy folder under a unique name. `remove()` must run even when a test fails.
 */
export interface ManagedPolicyFile {
  path: string;
  /** Replaces the installed policy with a freshly exported one (or raw JSON text for broken policies). */
  install(policy: unknown): void;
  /** Exports the policy with the real CLI, then edits the exported extension policy (as a hand edit of the registry would) before installing it. */
  installEdited(policy: unknown, edit: (exported: Record<string, unknown>) => void): void;
  installRaw(document: unknown): void;
  remove(): void;
}

export function managedPolicyFile(): ManagedPolicyFile {
  const path = join(CHROMIUM_MANAGED_POLICY_DIR, `connect-shield-e2e-${randomBytes(6).toString('hex')}.json`);
  const exported = (policy: unknown): string => {
    const work = mkdtempSync(join(tmpdir(), 'connect-shield-export-'));
    try {
      const policyPath = join(work, 'policy.json');
      writeFileSync(policyPath, JSON.stringify(policy));
      execFileSync('npx', ['tsx', 'src/cli/main.ts', 'policy', 'export', policyPath, '--browser', 'chrome', '--os', 'linux', '--out', join(work, 'out')], {
        stdio: 'pipe',
      });
      return readFileSync(join(work, 'out', 'connect-shield.json'), 'utf8');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  };
  return {
    path,
    install(policy) {
      writeFileSync(path, exported(policy));
    },
    installEdited(policy, edit) {
      const document = JSON.parse(exported(policy)) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
      for (const extensionPolicy of Object.values(document['3rdparty'].extensions)) edit(extensionPolicy);
      writeFileSync(path, JSON.stringify(document));
    },
    installRaw(document) {
      writeFileSync(path, JSON.stringify(document));
    },
    remove() {
      rmSync(path, { force: true });
    },
  };
}

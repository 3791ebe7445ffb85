import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkManagedPath, otherPolicyFilesFor, removeStalePreviewFiles, writeManagedPolicyFile } from '../../../src/cli/preview/managedPolicyFile.ts';

const ID = 'ojodoldnmcabjmcojfoebnmebmadjfdm';
const policy = { instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' } };

describe('managed policy file for the preview', () => {
  it('writes the policy under 3rdparty.extensions.<id> in a uniquely named file, and removes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'managed-'));
    const first = writeManagedPolicyFile(ID, policy, dir);
    const second = writeManagedPolicyFile(ID, policy, dir);
    expect(first.path).not.toBe(second.path);
    expect(first.path).toMatch(new RegExp(`/connect-shield-preview-${String(process.pid)}-[0-9a-f]{12}\\.json$`));
    expect(JSON.parse(readFileSync(first.path, 'utf8'))).toEqual({ '3rdparty': { extensions: { [ID]: policy } } });
    first.remove();
    first.remove();
    expect(existsSync(first.path)).toBe(false);
    expect(existsSync(second.path)).toBe(true);
    second.remove();
  });

  it('removes the files of killed previews, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'managed-'));
    const killed = writeManagedPolicyFile(ID, policy, dir, 4_194_401);
    const running = writeManagedPolicyFile(ID, policy, dir, 4_194_402);
    const mine = writeManagedPolicyFile(ID, policy, dir);
    writeFileSync(join(dir, 'connect-shield.json'), '{}');
    writeFileSync(join(dir, 'connect-shield-preview-notes.json'), '{}');
    expect(removeStalePreviewFiles(dir, (pid) => pid !== 4_194_401)).toEqual([killed.path]);
    expect([running.path, mine.path, join(dir, 'connect-shield.json'), join(dir, 'connect-shield-preview-notes.json')].every((path) => existsSync(path))).toBe(
      true,
    );
    // With the real process table: this process is alive, no pid is above Linux's pid_max (2^22).
    const gone = writeManagedPolicyFile(ID, policy, dir, 4_194_403);
    expect(removeStalePreviewFiles(dir).sort()).toEqual([gone.path, running.path].sort());
    expect(existsSync(mine.path)).toBe(true);
  });

  it('finds other files that configure the same extension', () => {
    const dir = mkdtempSync(join(tmpdir(), 'managed-'));
    const own = writeManagedPolicyFile(ID, policy, dir);
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ '3rdparty': { extensions: { [ID]: {} } } }));
    writeFileSync(join(dir, 'unrelated.json'), JSON.stringify({ HomepageLocation: 'https://example.com' }));
    expect(otherPolicyFilesFor(ID, own.path, dir)).toEqual([join(dir, 'other.json')]);
    own.remove();
  });

  it('refuses the managed path for a browser that does not read the directory', () => {
    const check = checkManagedPath('/opt/chrome-for-testing/chrome', mkdtempSync(join(tmpdir(), 'managed-')));
    expect(check.usable).toBe(false);
  });
});

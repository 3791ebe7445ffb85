import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/policyExport.ts';
import type { CliIO } from '../../../src/cli/CliIO.ts';

function recordingIO(cwd: string): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, readStdin: async () => '', out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const demo = join(repo, 'examples/policies/demo.json');

function outDir(): string {
  return mkdtempSync(join(tmpdir(), 'policy-export-'));
}

describe('policy export', () => {
  it('writes the Linux JSON files and a README', async () => {
    const out = outDir();
    const io = recordingIO(repo);
    expect(await run([demo, '--browser', 'chrome', '--os', 'linux', '--out', out], io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['README.txt', 'connect-shield-browser.json', 'connect-shield.json']);
    const written = JSON.parse(readFileSync(join(out, 'connect-shield.json'), 'utf8')) as {
      '3rdparty': { extensions: Record<string, Record<string, unknown>> };
    };
    const { integrity, ...exported } = written['3rdparty'].extensions['ojodoldnmcabjmcojfoebnmebmadjfdm'] ?? {};
    expect(exported).toEqual(JSON.parse(readFileSync(demo, 'utf8')));
    expect(typeof integrity).toBe('string');
    const readme = readFileSync(join(out, 'README.txt'), 'utf8');
    for (const name of ['ExtensionSettings', 'AudioCaptureAllowedUrls', 'CookiesAllowedForUrls', 'NetworkPredictionOptions'])
      expect(readme).toContain(`  ${name} = `);
    expect(readme).not.toContain('DeveloperToolsAvailability');
  });

  it('force-installs from --update-url and adds the hardening asked for', async () => {
    const out = outDir();
    const args = [
      demo,
      '--browser',
      'chrome',
      '--os',
      'linux',
      '--out',
      out,
      '--update-url',
      'https://extensions.example.com/cs/updates.xml',
      '--harden',
      'devtools,other-extensions',
    ];
    expect(await run(args, recordingIO(repo))).toBe(0);
    const browser = JSON.parse(readFileSync(join(out, 'connect-shield-browser.json'), 'utf8')) as Record<string, unknown>;
    expect(browser['DeveloperToolsAvailability']).toBe(2);
    expect(browser['ExtensionSettings']).toEqual({
      ojodoldnmcabjmcojfoebnmebmadjfdm: {
        installation_mode: 'force_installed',
        update_url: 'https://extensions.example.com/cs/updates.xml',
        toolbar_pin: 'force_pinned',
        runtime_allowed_hosts: ['*://shield-demo.my.connect.aws'],
      },
      '*': { runtime_blocked_hosts: ['*://shield-demo.my.connect.aws'] },
    });
    const readme = readFileSync(join(out, 'README.txt'), 'utf8');
    expect(readme).toContain('DeveloperToolsAvailability = 2');
    expect(readme).toContain('only on managed machines');
  });

  it('writes a UTF-16 .reg with byte-order mark for Windows, honouring --extension-id', async () => {
    const out = outDir();
    const id = 'abcdefghijklmnopabcdefghijklmnop';
    expect(await run([demo, '--browser=edge', '--os=windows', '--out', out, '--extension-id', id], recordingIO(repo))).toBe(0);
    const bytes = readFileSync(join(out, 'connect-shield-edge.reg'));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const text = bytes.subarray(2).toString('utf16le');
    expect(text.startsWith('Windows Registry Editor Version 5.00')).toBe(true);
    expect(text).toContain(`\\Microsoft\\Edge\\3rdparty\\extensions\\${id}\\policy]`);
  });

  it('writes a .mobileconfig for macOS', async () => {
    const out = outDir();
    expect(await run([demo, '--browser', 'chrome', '--os', 'macos', '--out', out], recordingIO(repo))).toBe(0);
    expect(readFileSync(join(out, 'connect-shield-chrome.mobileconfig'), 'utf8')).toContain('com.google.Chrome.extensions.ojodoldnmcabjmcojfoebnmebmadjfdm');
  });

  it('refuses an invalid policy with the same errors and writes nothing', async () => {
    const out = outDir();
    const bad = join(out, 'bad.json');
    writeFileSync(bad, JSON.stringify({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' }, approvedOrigins: ['http://crm.example.com'] }));
    const io = recordingIO(repo);
    expect(await run([bad, '--browser', 'chrome', '--os', 'linux', '--out', join(out, 'deploy')], io)).toBe(2);
    expect(io.stderr).toContain('/approvedOrigins/0: Only https origins can be approved; "http" is not allowed.');
    expect(readdirSync(out)).toEqual(['bad.json']);
  });

  it.each([
    [['--browser', 'safari', '--os', 'linux', '--out', 'x'], /--browser must be chrome or edge/],
    [['--browser', 'chrome', '--os', 'bsd', '--out', 'x'], /--os must be windows, macos or linux/],
    [['--browser', 'chrome', '--os', 'linux'], /--out DIR is required/],
    [['--browser', 'chrome', '--os', 'linux', '--out', 'x', '--extension-id', 'xyz'], /--extension-id must be 32 letters/],
    [['--browser', 'chrome', '--os', 'linux', '--out', 'x', '--colour', 'red'], /Unknown option --colour/],
    [['--browser', 'chrome', '--os', 'linux', '--out', 'x', '--update-url', 'http://updates.example.com/x.xml'], /--update-url: must be https/],
    [['--browser', 'chrome', '--os', 'linux', '--out', 'x', '--harden', 'devtool'], /--harden: unknown flag "devtool"/],
  ])('rejects bad arguments %j', async (args, message) => {
    const io = recordingIO(repo);
    expect(await run([demo, ...args], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
  });
});

import { describe, expect, it } from 'vitest';
import { deploymentFiles } from '../../../src/core/policy/deployment/deploymentFiles.ts';
import { DEFAULT_EXTENSION_ID, type DeploymentFile, type DeploymentTarget } from '../../../src/core/policy/deployment/deploymentTarget.ts';
import { sealedPolicy } from '../../../src/core/policy/integrity/policySeal.ts';
import type { Policy } from '../../../src/core/policy/Policy.ts';

const policy: Policy = {
  instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2', region: 'ap-northeast-1' },
  approvedOrigins: ['https://crm.example.com'],
  masking: { patterns: [{ name: 'Quote "and" back\\slash', regex: '\\bMB-[0-9]{8}\\b' }] },
  secureIvr: { fields: [{ label: 'カード番号 <card> & co', valueAttribute: 'card', statusAttribute: 'card_status' }] },
};
const identity = { profileUuid: 'A-1', policyPayloadUuid: 'B-2', installPayloadUuid: 'C-3', identifierPrefix: 'com.example.shield' };

function filesFor(target: Partial<DeploymentTarget>): DeploymentFile[] {
  return deploymentFiles(policy, { browser: 'chrome', os: 'linux', extensionId: DEFAULT_EXTENSION_ID, ...target }, identity);
}

function file(files: DeploymentFile[], name: string): DeploymentFile {
  const found = files.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no ${name} among ${files.map((f) => f.name).join(', ')}`);
  return found;
}

describe('Linux policy files', () => {
  it('nest the policy under 3rdparty.extensions.<id> and force-install separately', () => {
    const files = filesFor({ os: 'linux' });
    expect(JSON.parse(file(files, 'connect-shield.json').content)).toEqual({ '3rdparty': { extensions: { [DEFAULT_EXTENSION_ID]: sealedPolicy(policy) } } });
    expect(JSON.parse(file(files, 'connect-shield-browser.json').content)).toEqual({
      ExtensionSettings: {
        [DEFAULT_EXTENSION_ID]: {
          installation_mode: 'force_installed',
          update_url: 'https://clients2.google.com/service/update2/crx',
          toolbar_pin: 'force_pinned',
        },
      },
      AudioCaptureAllowedUrls: [`chrome-extension://${DEFAULT_EXTENSION_ID}`],
      CookiesAllowedForUrls: ['https://shield-demo.my.connect.aws'],
      NetworkPredictionOptions: 2,
    });
    const readme = file(files, 'README.txt').content;
    expect(readme).toContain('/etc/opt/chrome/policies/managed/');
    expect(readme).toContain('/etc/chromium/policies/managed/');
  });

  it('Edge uses its own update URL and directory', () => {
    const files = filesFor({ browser: 'edge', os: 'linux', extensionId: 'abcdefghijklmnopabcdefghijklmnop' });
    expect(file(files, 'connect-shield-browser.json').content).toContain('https://edge.microsoft.com/extensionwebstorebase/v1/crx');
    expect(file(files, 'connect-shield.json').content).toContain('"abcdefghijklmnopabcdefghijklmnop"');
    expect(file(files, 'README.txt').content).toContain('/etc/opt/edge/policies/managed/');
  });
});

describe('Windows registry file', () => {
  const reg = file(filesFor({ os: 'windows' }), 'connect-shield-chrome.reg');

  it('is UTF-16 with the regedit header and CRLF lines', () => {
    expect(reg.encoding).toBe('utf16le');
    expect(reg.content.startsWith('Windows Registry Editor Version 5.00\r\n\r\n')).toBe(true);
    expect(reg.content.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('writes each top-level key as a REG_SZ JSON string under the extension policy key, and the seal as a plain string', () => {
    const lines = reg.content.split('\r\n');
    const keyLine = lines.indexOf(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${DEFAULT_EXTENSION_ID}\\policy]`);
    expect(keyLine).toBeGreaterThan(0);
    const values = new Map<string, string>();
    for (const line of lines.slice(keyLine + 1)) {
      if (line === '') break;
      const match = /^"([^"]+)"="((?:[^"\\]|\\.)*)"$/.exec(line);
      if (!match?.[1] || match[2] === undefined) throw new Error(`bad value line ${line}`);
      values.set(match[1], match[2].replace(/\\(.)/g, '$1'));
    }
    const { integrity, ...rest } = Object.fromEntries(values);
    expect(Object.fromEntries(Object.entries(rest).map(([key, text]) => [key, JSON.parse(text) as unknown]))).toEqual(policy);
    expect(integrity).toBe(sealedPolicy(policy).integrity);
  });

  it('force-installs through ExtensionSettings with the Chrome Web Store update URL, pinned', () => {
    expect(reg.content).toContain(
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome]\r\n"ExtensionSettings"="{\\"ojodoldnmcabjmcojfoebnmebmadjfdm\\":{\\"installation_mode\\":\\"force_installed\\",\\"update_url\\":\\"https://clients2.google.com/service/update2/crx\\",\\"toolbar_pin\\":\\"force_pinned\\"}}"',
    );
    expect(reg.content).toContain('"NetworkPredictionOptions"=dword:00000002');
  });

  it('writes list policies as numbered values in their own subkey, as the ADMX templates do', () => {
    expect(reg.content).toContain(
      '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\AudioCaptureAllowedUrls]\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\AudioCaptureAllowedUrls]\r\n"1"="chrome-extension://ojodoldnmcabjmcojfoebnmebmadjfdm"',
    );
    expect(reg.content).toContain(
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\CookiesAllowedForUrls]\r\n"1"="https://shield-demo.my.connect.aws"',
    );
  });

  it('uses the Edge policy key for Edge', () => {
    const edge = file(filesFor({ browser: 'edge', os: 'windows' }), 'connect-shield-edge.reg');
    expect(edge.content).toContain('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\');
  });
});

describe('macOS configuration profile', () => {
  const profile = file(filesFor({ os: 'macos' }), 'connect-shield-chrome.mobileconfig').content;

  it('is a well-formed property list', () => {
    expect(profile.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist')).toBe(true);
    const body = profile.slice(profile.indexOf('<plist'));
    const stack: string[] = [];
    for (const tag of body.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      const [, closing, name, selfClosing] = tag;
      if (name === undefined || selfClosing === '/') continue;
      if (closing === '/') expect(stack.pop(), `closing ${name}`).toBe(name);
      else stack.push(name);
    }
    expect(stack).toEqual([]);
    // Only escaped markup inside text: no stray & or < from the policy.
    expect(profile).toContain('<string>カード番号 &lt;card&gt; &amp; co</string>');
    expect(profile).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
  });

  it('carries the policy in a com.google.Chrome.extensions.<id> payload and force-installs', () => {
    expect(profile).toContain(`<string>com.google.Chrome.extensions.${DEFAULT_EXTENSION_ID}</string>`);
    expect(profile).toContain('<key>ExtensionSettings</key>');
    expect(profile).toContain('<key>approvedOrigins</key>\n      <array>\n        <string>https://crm.example.com</string>');
    expect(profile).toContain('<string>B-2</string>');
  });

  it('uses com.microsoft.Edge for Edge', () => {
    const edge = file(filesFor({ browser: 'edge', os: 'macos' }), 'connect-shield-edge.mobileconfig').content;
    expect(edge).toContain(`<string>com.microsoft.Edge.extensions.${DEFAULT_EXTENSION_ID}</string>`);
  });
});

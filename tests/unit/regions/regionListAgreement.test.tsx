import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildManifest } from '../../../manifest.ts';
import { policySchema } from '../../../src/core/policy/policySchema.ts';
import { CONNECT_REGIONS, INSTANCE_DOMAINS } from '../../../src/core/regions/connectRegions.ts';
import { InstanceForm } from '../../../src/options/InstanceForm.tsx';

// The options page's modules load the browser API polyfill; rendering needs only chrome.i18n.
vi.mock('webextension-polyfill', () => ({ default: {} }));
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'chrome');
});

const regionNames = CONNECT_REGIONS.map((region) => region.name);
const chatRegions = CONNECT_REGIONS.filter((region) => region.chat).map((region) => region.name);

function directive(csp: string, name: string): string[] {
  const found = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name);
  return found?.slice(1) ?? [];
}

describe('one list of Connect Regions', () => {
  const manifest = buildManifest();
  const csp = manifest.content_security_policy.extension_pages;

  it('the hand-written manifest.json names no host: every host comes from the list', () => {
    const base = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
    expect(base['host_permissions']).toBeUndefined();
    expect(base['content_security_policy']).toBeUndefined();
  });

  it('the manifest may reach every instance domain and the chat endpoint of every Region with chat, and nothing else', () => {
    expect([...manifest.host_permissions].sort()).toEqual(
      [
        ...INSTANCE_DOMAINS.map((entry) => `https://*.${entry.domain}/*`),
        ...chatRegions.map((name) => `https://participant.connect.${name}.amazonaws.com/*`),
      ].sort(),
    );
  });

  it('the CSP frames every instance domain (GovCloud included) and lets chat reach each Region and its attachment buckets', () => {
    expect(directive(csp, 'frame-src').sort()).toEqual(INSTANCE_DOMAINS.map((entry) => `https://*.${entry.domain}`).sort());
    const connect = directive(csp, 'connect-src');
    for (const name of chatRegions) {
      expect(connect).toContain(`https://participant.connect.${name}.amazonaws.com`);
      expect(connect).toContain(`https://*.s3.${name}.amazonaws.com`);
    }
    expect(new Set(connect).size, 'no source listed twice').toBe(connect.length);
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
  });

  it("the policy schema's region rule is the list", () => {
    const instance = policySchema.properties?.['instance'];
    expect(instance?.properties?.['region']?.enum).toEqual(regionNames);
    expect(instance?.properties?.['alternates']?.items?.properties?.['region']?.enum).toEqual(regionNames);
  });

  it("the options page offers exactly the list's Regions", () => {
    Object.assign(globalThis, { chrome: { i18n: { getMessage: () => '' } } });
    const html = renderToStaticMarkup(<InstanceForm lockedByOrganization={false} source={null} ccpUrl="" region={null} />);
    const offered = [...html.matchAll(/<option value="([^"]+)"/g)].map((match) => match[1]);
    expect(offered).toEqual(regionNames);
  });

  it('holds the Regions Amazon Connect serves, GovCloud (US-West) included', () => {
    expect(regionNames).toEqual(
      expect.arrayContaining([
        'us-east-1',
        'us-west-2',
        'af-south-1',
        'ap-northeast-1',
        'ap-northeast-2',
        'ap-southeast-1',
        'ap-southeast-2',
        'ca-central-1',
        'eu-central-1',
        'eu-west-2',
        'us-gov-west-1',
      ]),
    );
    expect(regionNames).toHaveLength(11);
    expect(regionNames).not.toContain('eu-west-1');
  });
});

import type { Policy } from '../Policy.ts';
import type { BrowserPolicy } from './browserPolicies.ts';
import type { DeploymentFile, DeploymentTarget } from './deploymentTarget.ts';

const BROWSER_DOMAIN = { chrome: 'com.google.Chrome', edge: 'com.microsoft.Edge' } as const;

export interface ProfileIdentity {
  /** Three UUIDs (profile, extension-policy payload, install payload); fixed in tests, random in the CLI. */
  profileUuid: string;
  policyPayloadUuid: string;
  installPayloadUuid: string;
  /** Reverse-DNS prefix for payload identifiers, e.g. `com.example.connect-shield`. */
  identifierPrefix: string;
}

/**
 * A configuration profile for Jamf, Intune or System Settings. The extension's policy is a
 * payload of type `com.google.Chrome.extensions.<id>` (Edge: `com.microsoft.Edge.extensions.<id>`),
 * whose keys are the policy's top-level keys with native plist types; a second payload of type
 * `com.google.Chrome` (`com.microsoft.Edge`) carries the browser policies (force-install,
 * microphone, cookies, hardening).
 */
export function macosProfile(policy: Policy, target: DeploymentTarget, identity: ProfileIdentity, browser: readonly BrowserPolicy[]): DeploymentFile {
  const domain = BROWSER_DOMAIN[target.browser];
  const policyPayload = {
    PayloadType: `${domain}.extensions.${target.extensionId}`,
    PayloadVersion: 1,
    PayloadIdentifier: `${identity.identifierPrefix}.policy`,
    PayloadUUID: identity.policyPayloadUuid,
    PayloadDisplayName: 'Connect Shield policy',
    PayloadEnabled: true,
    ...policy,
  };
  const installPayload = {
    PayloadType: domain,
    PayloadVersion: 1,
    PayloadIdentifier: `${identity.identifierPrefix}.install`,
    PayloadUUID: identity.installPayloadUuid,
    PayloadDisplayName: 'Connect Shield browser settings',
    PayloadEnabled: true,
    ...Object.fromEntries(browser.map((entry) => [entry.name, entry.value])),
  };
  const profile = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identity.identifierPrefix,
    PayloadUUID: identity.profileUuid,
    PayloadDisplayName: `Connect Shield (${target.browser === 'chrome' ? 'Google Chrome' : 'Microsoft Edge'})`,
    PayloadDescription: 'Installs Connect Shield and sets its managed policy.',
    PayloadScope: 'System',
    PayloadContent: [policyPayload, installPayload],
  };
  const content = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plistValue(profile, ''),
    '</plist>',
    '',
  ].join('\n');
  return { name: `connect-shield-${target.browser}.mobileconfig`, content, encoding: 'utf8' };
}

function plistValue(value: unknown, indent: string): string {
  if (typeof value === 'boolean') return `${indent}<${value ? 'true' : 'false'}/>`;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? `${indent}<integer>${String(value)}</integer>` : `${indent}<real>${String(value)}</real>`;
  }
  if (typeof value === 'string') return `${indent}<string>${escapeXml(value)}</string>`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}<array/>`;
    return [`${indent}<array>`, ...value.map((item) => plistValue(item, `${indent}  `)), `${indent}</array>`].join('\n');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return `${indent}<dict/>`;
    return [
      `${indent}<dict>`,
      ...entries.flatMap(([key, item]) => [`${indent}  <key>${escapeXml(key)}</key>`, plistValue(item, `${indent}  `)]),
      `${indent}</dict>`,
    ].join('\n');
  }
  throw new Error(`Cannot express ${typeof value} in a property list`);
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

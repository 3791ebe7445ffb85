import { describe, expect, it } from 'vitest';
import { nativePanelVisibility } from '../../../src/core/agent/nativePanel.ts';
import { mergePolicies } from '../../../src/core/policy/mergePolicies.ts';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';

describe("Amazon's native CCP panel", () => {
  it('is hidden once the agent is signed in and Connect answers', () => {
    expect(nativePanelVisibility({ showNativePanel: false, signedIn: true, health: 'connected' })).toBe('hidden');
    // Contact data may still be in the frame while Connect is silent: it stays hidden.
    expect(nativePanelVisibility({ showNativePanel: false, signedIn: true, health: 'unreachable' })).toBe('hidden');
  });

  it('is shown while the agent must sign in inside it', () => {
    expect(nativePanelVisibility({ showNativePanel: false, signedIn: false, health: 'starting' })).toBe('sign_in');
    expect(nativePanelVisibility({ showNativePanel: false, signedIn: true, health: 'signed_out' })).toBe('sign_in');
  });

  it('stays visible when the organization keeps it, and never shows a torn-down frame', () => {
    expect(nativePanelVisibility({ showNativePanel: true, signedIn: true, health: 'connected' })).toBe('policy');
    expect(nativePanelVisibility({ showNativePanel: false, signedIn: false, health: 'origin_violation' })).toBe('hidden');
  });
});

describe('ccp.showNativePanel in the merged policy', () => {
  const options = { regexSafety: checkRegexSafety };
  const org = { instance: { ccpUrl: 'https://org.my.connect.aws/ccp-v2' } };
  const effective = (managed: unknown, local: unknown) => {
    const result = mergePolicies(managed, local, options);
    if (result.status !== 'ok') throw new Error(result.status);
    return result.policy.ccp.showNativePanel;
  };

  it('is off by default, and an agent cannot turn it on under a managed policy', () => {
    expect(effective(org, undefined)).toBe(false);
    expect(effective(org, { ccp: { showNativePanel: true } })).toBe(false);
    expect(effective({ ...org, ccp: { showNativePanel: true } }, undefined)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { nativePanelVisibility } from '../../../src/core/agent/nativePanel.ts';

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

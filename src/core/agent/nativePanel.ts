import type { CcpConnectionStatus } from '../connection/ccpHealth.ts';

/** Why Amazon's own CCP panel is on screen, or `hidden`. */
export type NativePanelVisibility = 'hidden' | 'policy' | 'sign_in';

/**
 * Amazon's panel shows raw caller numbers and chat, so it is shown only while the agent must act
 * inside it: before Streams has a signed-in agent (the CCP's sign-in, storage-access and
 * microphone prompts live there), and after Connect signed the agent out. Otherwise the frame
 * stays mounted — it carries the softphone, the ringtone and the session — but out of sight.
 */
export function nativePanelVisibility({
  showNativePanel,
  signedIn,
  health,
}: {
  showNativePanel: boolean;
  signedIn: boolean;
  health: CcpConnectionStatus;
}): NativePanelVisibility {
  if (showNativePanel) return 'policy';
  // A torn-down frame holds nothing to act on; the banner explains.
  if (health === 'origin_violation' || health === 'not_approved') return 'hidden';
  if (!signedIn || health === 'signed_out') return 'sign_in';
  return 'hidden';
}

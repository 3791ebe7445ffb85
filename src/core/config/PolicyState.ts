import type { EffectivePolicy } from '../policy/EffectivePolicy.ts';
import type { MergeResult } from '../policy/mergePolicies.ts';

/**
 * The service worker's verdict on the policy, shared with every extension page. Pages never
 * merge or validate themselves: one place decides, and everything else follows it.
 */
export type PolicyState = MergeResult & { checkedAt: string };

export type ReadyPolicyState = Extract<PolicyState, { status: 'ok' }>;

/** What the CCP needs from the effective policy. */
export function ccpInstanceOf(policy: EffectivePolicy, fallbackRegion: string): { ccpUrl: string; loginUrl?: string; region: string } {
  const { ccpUrl, loginUrl, region } = policy.instance;
  return { ccpUrl, ...(loginUrl ? { loginUrl } : {}), region: region ?? fallbackRegion };
}

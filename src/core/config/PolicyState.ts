import type { EffectivePolicy } from '../policy/EffectivePolicy.ts';
import type { DeploymentMode, MergeResult } from '../policy/mergePolicies.ts';

/**
 * The service worker's verdict on the policy, shared with every extension page. Pages never
 * merge or validate themselves: one place decides, and everything else follows it.
 */
export type PolicyState = MergeResult & {
  checkedAt: string;
  /** Every page shows evaluation mode, whatever the verdict: settings on such a browser are not protected. */
  mode: DeploymentMode;
};

export type ReadyPolicyState = Extract<PolicyState, { status: 'ok' }>;

/**
 * The region chat falls back to when the policy names none. Streams itself prefers the region in
 * the agent's ARN; this only seeds the chat client and the participant-service network rule.
 */
export const FALLBACK_CHAT_REGION = 'us-east-1';

/** What the CCP needs from the effective policy. */
export function ccpInstanceOf(policy: EffectivePolicy): { ccpUrl: string; loginUrl?: string; region: string } {
  const { ccpUrl, loginUrl, region } = policy.instance;
  return { ccpUrl, ...(loginUrl ? { loginUrl } : {}), region: region ?? FALLBACK_CHAT_REGION };
}

import type { EffectivePolicy } from '../policy/EffectivePolicy.ts';
import type { DeploymentMode, MergeResult } from '../policy/mergePolicies.ts';
import { instanceInForce, type InstanceInForce, type RememberedInstance } from '../instances/instanceInForce.ts';
import { policyForInstance } from '../instances/policyForInstance.ts';

/**
 * The service worker's verdict on the policy, shared with every extension page. Pages never
 * merge or validate themselves: one place decides, and everything else follows it.
 */
export type PolicyState = MergeResult & {
  checkedAt: string;
  /** Every page shows evaluation mode, whatever the verdict: settings on such a browser are not protected. */
  mode: DeploymentMode;
  /**
   * The instance the agent chose on this browser, when the policy lists it (the worker has
   * already dropped a choice it does not); null or absent: none chosen, the default holds.
   */
  chosenInstance?: RememberedInstance | null;
};

export type ReadyPolicyState = Extract<PolicyState, { status: 'ok' }>;

/**
 * The region chat falls back to when the policy names none. Streams itself prefers the region in
 * the agent's ARN; this only seeds the chat client and the participant-service network rule.
 */
const FALLBACK_CHAT_REGION = 'us-east-1';

/** The instance this browser's desks embed (see instanceInForce: the choice is re-checked against the policy here too). */
export function instanceInForceOf(state: ReadyPolicyState): InstanceInForce {
  return instanceInForce(state.policy, state.chosenInstance ?? null);
}

/** The policy narrowed to the instance in force: what desks and network rules enforce. */
export function policyInForceOf(state: ReadyPolicyState): EffectivePolicy {
  return policyForInstance(state.policy, instanceInForceOf(state).instance);
}

/** What the CCP needs from the effective policy. */
export function ccpInstanceOf(policy: EffectivePolicy): { ccpUrl: string; loginUrl?: string; region: string } {
  const { ccpUrl, loginUrl, region } = policy.instance;
  return { ccpUrl, ...(loginUrl ? { loginUrl } : {}), region: region ?? FALLBACK_CHAT_REGION };
}

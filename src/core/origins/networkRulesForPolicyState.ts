import { ccpInstanceOf, policyInForceOf, type PolicyState } from '../config/PolicyState.ts';
import { approvedOriginsFromEffectivePolicy } from './approvedOriginsFromEffectivePolicy.ts';
import { buildDnrRules } from './buildDnrRules.ts';
import type { DnrRule } from './DnrRule.ts';

/**
 * The dynamic rule set for whatever the service worker decided about the policy. Only a valid
 * policy opens anything: with no policy, an invalid one, or none computed yet, the single
 * block-everything rule is all there is (fail closed — the extension contacts nobody). Of the
 * organization's instances, only the one in force on this browser gets rules.
 */
export function networkRulesForPolicyState(state: PolicyState | null, extensionId: string): DnrRule[] {
  if (state === null || state.status !== 'ok') return failClosedNetworkRules(extensionId);
  // Only the instance in force is allowed: after an agent picks another, the first is not contacted.
  const policy = policyInForceOf(state);
  const approved = approvedOriginsFromEffectivePolicy(policy);
  const instanceOrigins = new Set(approved.instanceOrigins);
  return buildDnrRules({
    extensionId,
    instanceOrigins: [...approved.instanceOrigins],
    // The same region the shell gives chat, so the participant service it calls is the one allowed.
    region: ccpInstanceOf(policy).region,
    // Login pages and the policy's entries; the instance origins already have their own rules.
    approvedOrigins: approved.patterns.map((pattern) => pattern.text).filter((text) => !instanceOrigins.has(text)),
    compatibilityMode: policy.framing.compatibilityMode,
    ...(policy.audit.endpoint === null ? {} : { auditEndpoint: policy.audit.endpoint }),
  });
}

export function failClosedNetworkRules(extensionId: string): DnrRule[] {
  return buildDnrRules({ extensionId, instanceOrigins: [], region: '', approvedOrigins: [], compatibilityMode: false });
}

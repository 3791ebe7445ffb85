import type { EffectivePolicy } from '../policy/EffectivePolicy.ts';
import type { OrganizationInstance } from './organizationInstances.ts';

/**
 * The policy as one desk enforces it: the instance in force is the only instance, and the other
 * instances (and their login pages) are gone. Everything built from it — the network rules, the
 * frame guard's `frame-src`, the conduit's pinned origin, the login-popup guard — then names the
 * chosen instance alone, so after choosing B the extension neither frames nor contacts A.
 */
export function policyForInstance(policy: EffectivePolicy, instance: OrganizationInstance): EffectivePolicy {
  const { ccpUrl, loginUrl, region } = instance;
  return { ...policy, instance: { ccpUrl, loginUrl, region, alternates: [] } };
}

import type { EffectiveInstance, EffectivePolicy } from '../policy/EffectivePolicy.ts';

/** One Connect instance the organization lists: the policy's `instance` (the default) or one of its alternates. */
export interface OrganizationInstance extends EffectiveInstance {
  /** The alternate's name; null for the default instance, which the policy does not name. */
  name: string | null;
}

/** Every instance an agent may work on, the default first, in the policy's order. */
export function organizationInstances(policy: EffectivePolicy): OrganizationInstance[] {
  const { ccpUrl, loginUrl, region, alternates } = policy.instance;
  return [
    { name: null, ccpUrl, loginUrl, region },
    ...alternates.map((alternate) => ({ name: alternate.name, ccpUrl: alternate.ccpUrl, loginUrl: alternate.loginUrl, region: alternate.region })),
  ];
}

/** Whether the agent has anything to pick: only a policy with alternates offers a choice. */
export function offersInstanceChoice(policy: EffectivePolicy): boolean {
  return policy.instance.alternates.length > 0;
}

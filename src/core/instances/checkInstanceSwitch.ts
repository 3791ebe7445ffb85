import type { EffectivePolicy } from '../policy/EffectivePolicy.ts';
import { organizationInstances, type OrganizationInstance } from './organizationInstances.ts';

export type InstanceSwitchVerdict =
  | { ok: true; instance: OrganizationInstance }
  /** `unlisted`: not an instance of this policy; `contact_live`: a desk of this browser is on a contact. */
  | { ok: false; reason: 'unlisted' | 'contact_live' };

/**
 * Whether the agent may make `ccpUrl` this browser's instance now. Switching reloads every desk
 * (one CCP per page, pinned at load), which would drop a call, so it waits until no contact is live.
 */
export function checkInstanceSwitch(policy: EffectivePolicy, ccpUrl: string, contactLive: boolean): InstanceSwitchVerdict {
  const instance = organizationInstances(policy).find((candidate) => candidate.ccpUrl === ccpUrl);
  if (instance === undefined) return { ok: false, reason: 'unlisted' };
  if (contactLive) return { ok: false, reason: 'contact_live' };
  return { ok: true, instance };
}

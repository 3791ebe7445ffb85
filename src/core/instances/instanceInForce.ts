import type { EffectivePolicy } from '../policy/EffectivePolicy.ts';
import { organizationInstances, type OrganizationInstance } from './organizationInstances.ts';

export interface InstanceInForce {
  instance: OrganizationInstance;
  /**
   * True when the remembered choice names an instance the policy lists. False means the default
   * holds because nothing (valid) was chosen: the shell asks the agent before embedding a CCP.
   */
  chosen: boolean;
}

/**
 * Which instance the desk embeds, given the policy and the choice this browser remembers.
 *
 * The remembered value is the agent's to write (local extension storage), so it only ever
 * selects: it is compared, as a whole string, with the CCP URLs the policy lists, and anything
 * else — an unlisted host, an instance IT has since removed, a value of the wrong shape — is
 * ignored and the default holds. It can never add an instance.
 */
export function instanceInForce(policy: EffectivePolicy, remembered: unknown): InstanceInForce {
  const instances = organizationInstances(policy);
  const [defaultInstance] = instances;
  if (defaultInstance === undefined) throw new Error('instanceInForce: a policy always has its default instance');
  const ccpUrl = rememberedCcpUrl(remembered);
  const match = ccpUrl === null ? undefined : instances.find((instance) => instance.ccpUrl === ccpUrl);
  return match === undefined ? { instance: defaultInstance, chosen: false } : { instance: match, chosen: true };
}

/** What is kept in storage for a choice: the instance's CCP URL, which the policy keeps unique. */
export interface RememberedInstance {
  ccpUrl: string;
}

export function rememberedInstance(instance: OrganizationInstance): RememberedInstance {
  return { ccpUrl: instance.ccpUrl };
}

const MAX_URL_LENGTH = 2048;

/** The stored value, read leniently: anything that is not `{ ccpUrl: string }` is no choice. */
function rememberedCcpUrl(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const ccpUrl: unknown = Reflect.get(value, 'ccpUrl');
  return typeof ccpUrl === 'string' && ccpUrl.length <= MAX_URL_LENGTH ? ccpUrl : null;
}

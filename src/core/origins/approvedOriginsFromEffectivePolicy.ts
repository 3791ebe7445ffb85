import type { EffectivePolicy } from '../policy/EffectivePolicy.ts';
import { approvedOriginsFromPolicy, type ApprovedOrigins } from './ApprovedOrigins.ts';

/**
 * The approved set for the policy the service worker accepted. Same rules as
 * `approvedOriginsFromPolicy` (instance and alternates, their login pages, `approvedOrigins`);
 * the effective policy spells "no login page" as null instead of leaving it out.
 */
export function approvedOriginsFromEffectivePolicy(policy: EffectivePolicy): ApprovedOrigins {
  const loginUrl = (value: string | null): { loginUrl?: string } => (value === null ? {} : { loginUrl: value });
  return approvedOriginsFromPolicy({
    instance: {
      ccpUrl: policy.instance.ccpUrl,
      ...loginUrl(policy.instance.loginUrl),
      alternates: policy.instance.alternates.map((alternate) => ({ name: alternate.name, ccpUrl: alternate.ccpUrl, ...loginUrl(alternate.loginUrl) })),
    },
    approvedOrigins: policy.approvedOrigins,
  });
}

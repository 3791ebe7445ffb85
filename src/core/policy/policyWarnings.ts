import type { Policy } from './Policy.ts';
import type { PolicyError } from './PolicyError.ts';

/**
 * Settings that are valid but weaken what the extension promises. `policy validate` prints them
 * (the policy still validates): IT should choose them knowingly.
 */
export function policyWarnings(policy: Policy): PolicyError[] {
  const warnings: PolicyError[] = [];
  if (policy.ccp?.showNativePanel === true) {
    warnings.push({
      pointer: '/ccp/showNativePanel',
      message:
        "Amazon's native CCP panel stays visible: it shows callers' phone numbers and the whole chat transcript unmasked, on screen and in screen recordings. Leave it false unless agents must use the native panel.",
    });
  }
  return warnings;
}

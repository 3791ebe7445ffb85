/**
 * The instance alias `policy init` writes. It is a real-looking Connect host on purpose (so the
 * starter shows the shape to copy), which is exactly why validation must refuse it: a policy
 * rolled out with it would point every agent at somebody else's instance, or at none.
 */
export const PLACEHOLDER_INSTANCE_ALIAS = 'your-instance';

export const PLACEHOLDER_CCP_URL = `https://${PLACEHOLDER_INSTANCE_ALIAS}.my.connect.aws/ccp-v2`;

/** True when a CCP URL's instance alias is still the starter's placeholder. */
export function isPlaceholderInstanceAlias(alias: string): boolean {
  return alias.toLowerCase() === PLACEHOLDER_INSTANCE_ALIAS;
}

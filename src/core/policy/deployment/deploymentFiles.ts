import { sealedPolicy } from '../integrity/policySeal.ts';
import type { Policy } from '../Policy.ts';
import { browserPolicies } from './browserPolicies.ts';
import { deploymentReadme } from './deploymentReadme.ts';
import type { DeploymentFile, DeploymentTarget } from './deploymentTarget.ts';
import { linuxPolicyFiles } from './linuxPolicyFiles.ts';
import { macosProfile, type ProfileIdentity } from './macosProfile.ts';
import { windowsRegistryFile } from './windowsRegistryFile.ts';

/** Every file IT deploys for one browser and OS, README.txt last. The policy must already be valid. */
export function deploymentFiles(unsealed: Policy, target: DeploymentTarget, identity: ProfileIdentity): DeploymentFile[] {
  // Every managed copy carries the seal, so the extension can prove the browser delivered it whole.
  const policy = sealedPolicy(unsealed);
  const browser = browserPolicies(unsealed, target);
  const files =
    target.os === 'windows'
      ? [windowsRegistryFile(policy, target, browser)]
      : target.os === 'macos'
        ? [macosProfile(policy, target, identity, browser)]
        : linuxPolicyFiles(policy, target, browser);
  return [...files, deploymentReadme(target, files, browser)];
}

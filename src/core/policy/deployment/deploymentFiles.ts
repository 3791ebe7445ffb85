import type { Policy } from '../Policy.ts';
import { deploymentReadme } from './deploymentReadme.ts';
import type { DeploymentFile, DeploymentTarget } from './deploymentTarget.ts';
import { linuxPolicyFiles } from './linuxPolicyFiles.ts';
import { macosProfile, type ProfileIdentity } from './macosProfile.ts';
import { windowsRegistryFile } from './windowsRegistryFile.ts';

/** Every file IT deploys for one browser and OS, README.txt last. The policy must already be valid. */
export function deploymentFiles(policy: Policy, target: DeploymentTarget, identity: ProfileIdentity): DeploymentFile[] {
  const files =
    target.os === 'windows'
      ? [windowsRegistryFile(policy, target)]
      : target.os === 'macos'
        ? [macosProfile(policy, target, identity)]
        : linuxPolicyFiles(policy, target);
  return [...files, deploymentReadme(target, files)];
}

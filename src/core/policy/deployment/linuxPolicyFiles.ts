import type { Policy } from '../Policy.ts';
import { forceInstallSettings, type DeploymentFile, type DeploymentTarget } from './deploymentTarget.ts';

/**
 * JSON files for `/etc/…/policies/managed/`: the extension's policy under
 * `3rdparty.extensions.<id>`, and — separately, so that it can be left out where installation
 * is handled otherwise — the `ExtensionSettings` force-install entry.
 */
export function linuxPolicyFiles(policy: Policy, target: DeploymentTarget): DeploymentFile[] {
  const policyFile = { '3rdparty': { extensions: { [target.extensionId]: policy } } };
  const installFile = { ExtensionSettings: forceInstallSettings(target) };
  return [
    { name: 'connect-shield.json', content: `${JSON.stringify(policyFile, null, 2)}\n`, encoding: 'utf8' },
    { name: 'connect-shield-install.json', content: `${JSON.stringify(installFile, null, 2)}\n`, encoding: 'utf8' },
  ];
}

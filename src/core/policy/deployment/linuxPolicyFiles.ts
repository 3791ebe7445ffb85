import type { Policy } from '../Policy.ts';
import type { BrowserPolicy } from './browserPolicies.ts';
import type { DeploymentFile, DeploymentTarget } from './deploymentTarget.ts';

/**
 * JSON files for `/etc/…/policies/managed/`: the extension's policy under
 * `3rdparty.extensions.<id>`, and — separately, so that it can be merged with what a machine
 * already has — the browser policies (force-install, microphone, cookies, hardening).
 */
export function linuxPolicyFiles(policy: Policy, target: DeploymentTarget, browser: readonly BrowserPolicy[]): DeploymentFile[] {
  const policyFile = { '3rdparty': { extensions: { [target.extensionId]: policy } } };
  const browserFile = Object.fromEntries(browser.map((entry) => [entry.name, entry.value]));
  return [
    { name: 'connect-shield.json', content: `${JSON.stringify(policyFile, null, 2)}\n`, encoding: 'utf8' },
    { name: 'connect-shield-browser.json', content: `${JSON.stringify(browserFile, null, 2)}\n`, encoding: 'utf8' },
  ];
}

import { parseCcpUrl } from '../../origins/parseCcpUrl.ts';
import type { Policy } from '../Policy.ts';
import { updateUrlOf, type DeploymentTarget } from './deploymentTarget.ts';

/** One browser (not extension) policy the export writes, with the sentence the generated README shows next to it. */
export interface BrowserPolicy {
  name: string;
  value: boolean | number | string[] | Record<string, unknown>;
  why: string;
}

/** `NetworkPredictionOptions`: 2 = never predict network actions (no pre-connects or prefetch). */
const NETWORK_PREDICTION_OFF = 2;
/** `DeveloperToolsAvailability`: 2 = developer tools disallowed everywhere. */
const DEVELOPER_TOOLS_DISALLOWED = 2;

/**
 * The browser around the extension, as policy. Names and values are the ones Chrome and Edge
 * document; both browsers share them. Order is stable so exports diff cleanly.
 */
export function browserPolicies(policy: Policy, target: DeploymentTarget): BrowserPolicy[] {
  const extensionOrigin = `chrome-extension://${target.extensionId}`;
  const instanceHosts = instanceHostsOf(policy);
  const hardening = new Set(target.hardening ?? []);

  const own: Record<string, unknown> = {
    installation_mode: 'force_installed',
    update_url: updateUrlOf(target),
    toolbar_pin: 'force_pinned',
  };
  const extensionSettings: Record<string, unknown> = { [target.extensionId]: own };
  if (hardening.has('other-extensions')) {
    const patterns = instanceHosts.map((host) => `*://${host}`);
    // Every other extension loses access to the instance; this one keeps it explicitly.
    extensionSettings['*'] = { runtime_blocked_hosts: patterns };
    own['runtime_allowed_hosts'] = patterns;
  }

  const policies: BrowserPolicy[] = [
    {
      name: 'ExtensionSettings',
      value: extensionSettings,
      why:
        `Force-installs Connect Shield (${target.extensionId}) from ${updateUrlOf(target)} so agents cannot remove or disable it, and pins its toolbar button (toolbar_pin: force_pinned).` +
        (hardening.has('other-extensions')
          ? ' The "*" entry blocks every other extension from reading or changing the Connect instance pages (runtime_blocked_hosts); Connect Shield itself is exempt (runtime_allowed_hosts). The CCP is framed by Connect Shield only, so no other extension needs it.'
          : '') +
        ' ExtensionSettings is one policy for all extensions: if you already deploy it, merge these entries into yours.',
    },
    {
      name: 'AudioCaptureAllowedUrls',
      value: [extensionOrigin],
      why: 'Grants the microphone to the extension without a prompt (the side panel cannot show one); the softphone in the CCP frame uses this grant.',
    },
    {
      name: 'CookiesAllowedForUrls',
      value: instanceHosts.map((host) => `https://${host}`),
      why: "The CCP signs in with cookies on the instance's host; framed in the extension they are third-party cookies. This allows them for the instance host(s) only, so Streams does not stop at its storage-access banner.",
    },
    {
      name: 'NetworkPredictionOptions',
      value: NETWORK_PREDICTION_OFF,
      why: "Turns off pre-connects and prefetching (2 = never), so the browser opens no connection the extension's rules did not decide on.",
    },
  ];
  if (hardening.has('devtools')) {
    policies.push({
      name: 'DeveloperToolsAvailability',
      value: DEVELOPER_TOOLS_DISALLOWED,
      why: 'Disallows developer tools everywhere (2). Without it, developer tools are already blocked on force-installed extensions (the default, 0), but remain available on other pages.',
    });
  }
  return policies;
}

/** The hosts of the default instance and every alternate, in policy order, without duplicates. */
function instanceHostsOf(policy: Policy): string[] {
  const urls = [policy.instance.ccpUrl, ...(policy.instance.alternates ?? []).map((alternate) => alternate.ccpUrl)];
  const hosts: string[] = [];
  for (const url of urls) {
    const parsed = parseCcpUrl(url);
    if (parsed.ok) {
      const host = new URL(parsed.origin).host;
      if (!hosts.includes(host)) hosts.push(host);
    }
  }
  return hosts;
}

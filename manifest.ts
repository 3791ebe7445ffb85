import baseManifest from './manifest.json' with { type: 'json' };
import { extensionHostsFor } from './src/core/regions/extensionHosts.ts';

/**
 * The extension's manifest: `manifest.json` holds everything fixed by hand (name, key,
 * permissions, pages, commands); the host permissions and the extension pages' CSP are made
 * here from the one list of Connect Regions (`src/core/regions/connectRegions.ts`), so they
 * cannot drift from the policy schema's region rule or the options page's choices.
 * `vite.config.ts` hands this to crxjs; `tests/unit/regions/regionListAgreement.test.ts` checks it.
 */
export function buildManifest() {
  const hosts = extensionHostsFor();
  return {
    ...baseManifest,
    host_permissions: hosts.hostPermissions,
    content_security_policy: { extension_pages: hosts.contentSecurityPolicy },
  };
}

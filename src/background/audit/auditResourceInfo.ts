import type { AuditResource } from '../../core/audit/otlp/AuditResource.ts';
import { INSTALLATION_ID_KEY } from '../../core/audit/outbox/outboxStorageKeys.ts';

interface UserAgentData {
  brands?: ReadonlyArray<{ brand: string; version: string }>;
  platform?: string;
}

let installationId: Promise<string> | null = null;

function readInstallationId(): Promise<string> {
  installationId ??= chrome.storage.local.get(INSTALLATION_ID_KEY).then(async (stored) => {
    const existing = stored[INSTALLATION_ID_KEY];
    if (typeof existing === 'string' && existing.length > 0) return existing;
    const created = crypto.randomUUID();
    await chrome.storage.local.set({ [INSTALLATION_ID_KEY]: created });
    return created;
  });
  return installationId;
}

/** What identifies this sender in the export: extension, version, installation, Connect instance, browser. */
export async function auditResourceInfo(connectInstance: string | null): Promise<AuditResource> {
  const agentData = (navigator as Navigator & { userAgentData?: UserAgentData }).userAgentData;
  return {
    extensionId: chrome.runtime.id,
    version: chrome.runtime.getManifest().version,
    installationId: await readInstallationId(),
    connectInstance,
    browser: {
      brands: (agentData?.brands ?? []).map(({ brand, version }) => `${brand} ${version}`),
      platform: agentData?.platform ?? '',
      language: navigator.language,
      userAgent: navigator.userAgent,
    },
  };
}

import type { AuditEvent } from '../../core/audit/AuditEvent.ts';
import type { PolicyState } from '../../core/config/PolicyState.ts';
import { startCallerRiskService, type CallerRiskService } from './callerRiskService.ts';
import { loadPhoneMetadata } from './loadPhoneMetadata.ts';

/**
 * The caller-risk service, started (its session storage read, its deny list normalized: up to a
 * noticeable fraction of a second for 100,000 numbers) when the first contact is assessed, not at
 * every wake: most wake-ups (a page asking for the policy, an alarm) never assess a contact. Its
 * code is still in the worker bundle: a service worker may not `import()` (Chrome refuses dynamic
 * import in a ServiceWorkerGlobalScope). A request waits for the start-up barrier first, so the
 * service always starts from the enforced verdict; later verdicts reach it in order.
 */
export function lazyCallerRiskService(deps: { audit(event: AuditEvent): void; locale: string | null; latestPolicy(): PolicyState | null }): CallerRiskService {
  let started: CallerRiskService | null = null;
  const service = (): CallerRiskService => {
    if (started === null) {
      started = startCallerRiskService({ session: chrome.storage.session, audit: deps.audit, locale: deps.locale, phoneMetadata: loadPhoneMetadata });
      const policy = deps.latestPolicy();
      if (policy !== null) started.setPolicy(policy);
    }
    return started;
  };
  return {
    setPolicy(state) {
      started?.setPolicy(state);
    },
    assess: (request) => service().assess(request),
  };
}

import browser from 'webextension-polyfill';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { policyStateForPages } from '../core/config/policyStateForPages.ts';
import { NOTHING } from '../core/messaging/workerRequests.ts';
import { storeAuditEvent } from './auditStore.ts';
import { startBlockAudit } from './blockAudit.ts';
import { isOwnPage } from './isOwnPage.ts';
import { applyNetworkRules } from './networkRules.ts';
import { startPolicyService } from './policyService.ts';
import { startCallerRiskService } from './risk/callerRiskService.ts';
import { migrateStorage } from './storageMigration.ts';
import { createWorkerRouter, listenForWorkerRequests } from './workerRouter.ts';

const extensionOrigin = browser.runtime.getURL('');
const audit = (event: AuditEvent): void => void storeAuditEvent(event);

// The toolbar button opens the side panel: the agent's desk sits beside whatever tab is open.
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

const blockAudit = startBlockAudit(audit);

// The deny list stays here: pages ask about one contact and get a verdict.
const callerRisk = startCallerRiskService({ session: browser.storage.session, audit, locale: navigator.language });

// Start-up: the storage layout first, then the policy verdict and its network rules. Listeners
// are all added in this first turn (Chrome delivers the event that woke the worker only to
// those); the router holds every request until `policy.ready` settles.
const migrated = migrateStorage();
const policy = startPolicyService({
  state: (state) => {
    callerRisk.setPolicy(state);
    return applyNetworkRules(state);
  },
  audit,
  after: migrated,
});

listenForWorkerRequests(
  createWorkerRouter({
    isAllowedSender: (sender) => isOwnPage(sender, browser.runtime.id, extensionOrigin),
    ready: policy.ready,
    handlers: {
      'audit.record': async (event) => {
        await storeAuditEvent(event);
        return NOTHING;
      },
      'policy.current': async () => policyStateForPages(await policy.current()),
      'origin.blockedReport': async ({ origin, kind, layer }) => {
        blockAudit.blocked(origin, kind, layer);
        return NOTHING;
      },
      'risk.assessContact': async (request) => ({ risk: await callerRisk.assess(request) }),
    },
    onHandlerError: (request, error) => console.error(`Connect Shield: the ${request} request failed`, error instanceof Error ? error.name : 'unknown error'),
  }),
);

import browser from 'webextension-polyfill';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import type { PolicyState } from '../core/config/PolicyState.ts';
import { policyStateForPages } from '../core/config/policyStateForPages.ts';
import { NOTHING } from '../core/messaging/workerRequests.ts';
import { createAuditOutboxStore } from './audit/auditOutboxStore.ts';
import { startAuditExport } from './audit/auditExport.ts';
import { readAuditView } from './audit/readAuditView.ts';
import { exportSettingsOf, outboxSettingsOf } from './audit/auditSettings.ts';
import { startBlockAudit } from './blockAudit.ts';
import { isOwnPage } from './isOwnPage.ts';
import { applyNetworkRules } from './networkRules.ts';
import { startPolicyService } from './policyService.ts';
import { startCallerRiskService } from './risk/callerRiskService.ts';
import { createWorkerRouter, listenForWorkerRequests } from './workerRouter.ts';

const extensionOrigin = browser.runtime.getURL('');
// The audit outbox and its export start first: events of the policy's own start-up are kept too.
let latestPolicy: PolicyState | null = null;
const outbox = createAuditOutboxStore(() => outboxSettingsOf(latestPolicy));
const auditExport = startAuditExport(outbox, async () => exportSettingsOf(latestPolicy ?? (await policy.current())));
const storeAuditEvent = async (event: AuditEvent): Promise<void> => {
  await outbox.append(event);
  await auditExport.notify();
};
const audit = (event: AuditEvent): void => void storeAuditEvent(event);

// The toolbar button opens the side panel: the agent's desk sits beside whatever tab is open.
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

const blockAudit = startBlockAudit(audit);

// The deny list stays here: pages ask about one contact and get a verdict.
const callerRisk = startCallerRiskService({ session: browser.storage.session, audit, locale: navigator.language });

const policy = startPolicyService({
  state: async (state) => {
    callerRisk.setPolicy(state);
    await applyNetworkRules(state);
    latestPolicy = state;
    // A new endpoint (or the first policy after a restart) resumes what is pending.
    void auditExport.resume();
  },
  audit,
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
      'audit.recent': async ({ viewer }) => readAuditView(outbox, viewer, outboxSettingsOf(latestPolicy).exporting),
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

import browser from 'webextension-polyfill';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { policyStateForPages } from '../core/config/policyStateForPages.ts';
import { NOTHING } from '../core/messaging/workerRequests.ts';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '../core/audit/auditLog.ts';
import { pruneStoredAuditLog, storeAuditEvent } from './auditStore.ts';
import { startBlockAudit } from './blockAudit.ts';
import { isOwnPage } from './isOwnPage.ts';
import { applyNetworkRules } from './networkRules.ts';
import { startPolicyService } from './policyService.ts';
import { startCallerRiskService } from './risk/callerRiskService.ts';
import { migrateStorage } from './storageMigration.ts';
import { createWorkerRouter, listenForWorkerRequests } from './workerRouter.ts';

const extensionOrigin = browser.runtime.getURL('');

// The toolbar button opens the side panel: the agent's desk sits beside whatever tab is open.
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

const blockAudit = startBlockAudit((event) => audit(event));

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

/** The policy's retention, or the default while there is no valid policy. */
async function retentionDays(): Promise<number> {
  const state = await policy.current().catch(() => null);
  return state?.status === 'ok' ? state.policy.audit.retentionDays : DEFAULT_AUDIT_RETENTION_DAYS;
}

async function recordAudit(event: AuditEvent): Promise<void> {
  // Every event recorded in evaluation mode says so: a SIEM must not mistake it for a protected desktop.
  const marked: AuditEvent = policy.mode() === 'evaluation' ? { ...event, deployment: 'evaluation' } : event;
  await storeAuditEvent(marked, await retentionDays());
}

function audit(event: AuditEvent): void {
  void recordAudit(event);
}

// Periodic work survives the worker being stopped only as an alarm: expired audit events are
// dropped daily even when nothing new is recorded. `create` with the same name replaces it.
const PRUNE_ALARM = 'audit.prune';
void chrome.alarms.create(PRUNE_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === PRUNE_ALARM) void policy.ready.then(async () => pruneStoredAuditLog(await retentionDays()));
});

listenForWorkerRequests(
  createWorkerRouter({
    isAllowedSender: (sender) => isOwnPage(sender, browser.runtime.id, extensionOrigin),
    ready: policy.ready,
    handlers: {
      'audit.record': async (event) => {
        await recordAudit(event);
        return NOTHING;
      },
      'policy.current': async () => policyStateForPages(await policy.current()),
      'origin.blockedReport': async ({ origin, kind, layer }) => {
        await blockAudit.blocked(origin, kind, layer);
        return NOTHING;
      },
      'risk.assessContact': async (request) => ({ risk: await callerRisk.assess(request) }),
    },
    onHandlerError: (request, error) => console.error(`Connect Shield: the ${request} request failed`, error instanceof Error ? error.name : 'unknown error'),
  }),
);

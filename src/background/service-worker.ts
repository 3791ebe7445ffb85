import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { createPolicyAnnouncer } from './audit/policyAnnouncer.ts';
import type { PolicyState } from '../core/config/PolicyState.ts';
import { policyStateForPages } from '../core/config/policyStateForPages.ts';
import { NOTHING } from '../core/messaging/workerRequests.ts';
import { createAuditOutboxStore } from './audit/auditOutboxStore.ts';
import { pruneAuditOutbox, startAuditExport } from './audit/auditExport.ts';
import { readAuditView } from './audit/readAuditView.ts';
import { createDeskSignInRegistry } from './audit/deskSignInRegistry.ts';
import { createIncidentOnce } from './audit/recordIncidentOnce.ts';
import { exportSettingsOf, outboxSettingsOf } from './audit/auditSettings.ts';
import { startBlockAudit } from './blockAudit.ts';
import { chooseInstance } from './instanceChoice.ts';
import { isOwnPage } from './isOwnPage.ts';
import { applyNetworkRules, readInstalledRulesDigest } from './networkRules.ts';
import { startPolicyService } from './policyService.ts';
import { markStartup } from './startupMarks.ts';
import { startUpdateDeferral } from './updateDeferral.ts';
import { lazyCallerRiskService } from './risk/lazyCallerRisk.ts';
import { migrateStorage } from './storageMigration.ts';
import { readStartupLocal } from './startupStorage.ts';
import { createWorkerRouter, listenForWorkerRequests, RequestNotPermitted } from './workerRouter.ts';

const extensionOrigin = chrome.runtime.getURL('');

// Start-up: the storage layout first (the outbox may be built from an older audit log), then the
// policy verdict and its network rules. Listeners are all added in this first turn (Chrome
// delivers the event that woke the worker only to those); the router holds every request until
// `policy.ready` settles. The latest verdict is derived, not kept: a woken worker computes it again.
markStartup('evaluated');
const migrated = readStartupLocal().then(migrateStorage);
void migrated.then(
  () => markStartup('migrated'),
  () => undefined,
);
// Read beside the start-up read: the digest of the rule set installed last, for the first verdict's rules.
let installedRules: Promise<string | null> | undefined = readInstalledRulesDigest();
let latestPolicy: PolicyState | null = null;
const outbox = createAuditOutboxStore(() => outboxSettingsOf(latestPolicy));
const auditExport = startAuditExport(outbox, async () => exportSettingsOf(latestPolicy ?? (await policy.current())));

async function appendAudit(event: AuditEvent): Promise<void> {
  await migrated.catch(() => undefined);
  // Every event recorded in evaluation mode says so: a SIEM must not mistake it for a protected desktop.
  await outbox.append(policy.mode() === 'evaluation' ? { ...event, deployment: 'evaluation' } : event);
  await auditExport.notify();
}

// One incident of one contact is one event, however many desks report it (see recordIncidentOnce.ts).
const recordAudit = createIncidentOnce(chrome.storage.session, appendAudit);

function audit(event: AuditEvent): void {
  void recordAudit(event);
}

// The toolbar button opens the side panel: the agent's desk sits beside whatever tab is open.
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

const blockAudit = startBlockAudit(audit);

// The deny list stays here: pages ask about one contact and get a verdict.
const callerRisk = lazyCallerRiskService({ audit, locale: navigator.language, latestPolicy: () => latestPolicy });

/**
 * Audit bookkeeping that a verdict sets off (announcing it, resuming a pending export) is not
 * enforcement: it runs after start-up, in a task of its own, so the first request's answer goes
 * out before it. Verdicts keep their order (timers fire in order; the announcer queues).
 */
const policyAnnouncer = createPolicyAnnouncer(chrome.storage.local, recordAudit);
function afterStartup(work: () => Promise<void>): void {
  void policy.ready
    .catch(() => undefined)
    .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
    .then(work)
    .catch(() => undefined);
}

const policy = startPolicyService({
  state: async (state) => {
    // Only the first verdict may use the start-up read; later ones read the digest when they run.
    const installed = installedRules;
    installedRules = undefined;
    await applyNetworkRules(state, installed);
    latestPolicy = state;
    callerRisk.setPolicy(state);
    afterStartup(() => policyAnnouncer.announce(state));
    // A new endpoint (or the first policy after a restart) resumes what is pending.
    afterStartup(() => auditExport.resume());
  },
  audit,
  after: migrated,
});
void policy.ready.then(
  () => markStartup('ready'),
  () => undefined,
);

// Periodic work survives the worker being stopped only as an alarm: expired audit events are
// dropped daily even when nothing is recorded or exported. `create` with the same name replaces it.
const PRUNE_ALARM = 'audit.prune';
void chrome.alarms.create(PRUNE_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === PRUNE_ALARM) void policy.ready.then(() => pruneAuditOutbox(outbox, outboxSettingsOf(latestPolicy)));
});

// Who each open desk signed in: the audit view answers only a supervisor's desk (see deskSignIns.ts).
const deskSignIns = createDeskSignInRegistry({
  session: chrome.storage.session,
  deskPageUrls: [chrome.runtime.getURL('src/shell/shell.html'), chrome.runtime.getURL('src/shell/sidepanel.html')],
  liveDocumentIds: async () =>
    new Set((await chrome.runtime.getContexts({ contextTypes: ['TAB', 'SIDE_PANEL'] })).flatMap((context) => (context.documentId ? [context.documentId] : []))),
});

// An update waits while any agent is on a contact (see updateDeferral.ts).
const updates = startUpdateDeferral();

listenForWorkerRequests(
  createWorkerRouter({
    isAllowedSender: (sender) => isOwnPage(sender, chrome.runtime.id, extensionOrigin),
    ready: policy.ready,
    handlers: {
      'audit.record': async (event) => {
        await recordAudit(event);
        return NOTHING;
      },
      'audit.recent': async (_nothing, sender) => {
        const state = latestPolicy ?? (await policy.current());
        const viewer = state.status === 'ok' ? await deskSignIns.viewerOf(sender, state.policy.roles) : null;
        if (viewer === null) throw new RequestNotPermitted();
        return readAuditView(outbox, viewer, outboxSettingsOf(latestPolicy).exporting);
      },
      'desk.signedIn': async (identity, sender) => {
        await deskSignIns.report(sender, identity);
        return NOTHING;
      },
      'policy.current': async () => policyStateForPages(await policy.current()),
      'origin.blockedReport': async ({ origin, kind, layer }) => {
        await blockAudit.blocked(origin, kind, layer);
        return NOTHING;
      },
      'risk.assessContact': async (request) => ({ risk: await callerRisk.assess(request) }),
      'contacts.liveReport': async ({ page, live }) => {
        updates.report(page, live);
        return NOTHING;
      },
      'instance.choose': async ({ ccpUrl }) =>
        chooseInstance(ccpUrl, { current: policy.current, refresh: policy.refresh, contactLive: updates.contactLive, audit }),
    },
    onHandlerError: (request, error) => console.error(`Connect Shield: the ${request} request failed`, error instanceof Error ? error.name : 'unknown error'),
  }),
);

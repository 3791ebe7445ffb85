import browser, { type Runtime } from 'webextension-polyfill';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { parseAuditEvent } from '../core/audit/parseAuditEvent.ts';
import { policyStateForPages } from '../core/config/policyStateForPages.ts';
import { AUDIT_MESSAGE } from '../platform/auditSink.ts';
import { POLICY_REFRESH_MESSAGE } from '../platform/policyState.ts';
import { storeAuditEvent } from './auditStore.ts';
import { blockedRequestReportListener, startBlockAudit } from './blockAudit.ts';
import { isOwnPage } from './isOwnPage.ts';
import { applyNetworkRules } from './networkRules.ts';
import { startPolicyService } from './policyService.ts';
import { startCallerRiskService } from './risk/callerRiskService.ts';
import { ASSESS_CONTACT_MESSAGE } from '../platform/askCallerRisk.ts';
import { isAssessContactRequest } from '../core/risk/assessContactRequest.ts';

const extensionOrigin = browser.runtime.getURL('');
const audit = (event: AuditEvent): void => void storeAuditEvent(event);

// The toolbar button opens the side panel: the agent's desk sits beside whatever tab is open.
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

const blockAudit = startBlockAudit(audit);
browser.runtime.onMessage.addListener(blockedRequestReportListener(blockAudit, (sender) => isOwnPage(sender, browser.runtime.id, extensionOrigin)));

// The deny list stays here: pages ask about one contact and get a verdict.
const callerRisk = startCallerRiskService({ session: browser.storage.session, audit, locales: navigator.languages });

const policy = startPolicyService({
  state: (state) => {
    callerRisk.setPolicy(state);
    return applyNetworkRules(state);
  },
  audit,
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isOwnPage(sender, browser.runtime.id, extensionOrigin)) return undefined;
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, event } = message as { type?: unknown; event?: unknown };
  if (type === AUDIT_MESSAGE) {
    const parsed = parseAuditEvent(event);
    return parsed === null ? undefined : storeAuditEvent(parsed);
  }
  if (type === POLICY_REFRESH_MESSAGE) return policy.refresh().then(policyStateForPages);
  const { request } = message as { request?: unknown };
  if (type === ASSESS_CONTACT_MESSAGE && isAssessContactRequest(request)) return callerRisk.assess(request);
  return undefined;
});

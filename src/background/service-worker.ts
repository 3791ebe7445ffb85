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

const extensionOrigin = browser.runtime.getURL('');
const audit = (event: AuditEvent): void => void storeAuditEvent(event);

// The toolbar button opens the side panel: the agent's desk sits beside whatever tab is open.
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

const blockAudit = startBlockAudit(audit);
browser.runtime.onMessage.addListener(blockedRequestReportListener(blockAudit, (sender) => isOwnPage(sender, browser.runtime.id, extensionOrigin)));

const policy = startPolicyService({
  state: (state) => applyNetworkRules(state),
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
  return undefined;
});

import browser, { type Runtime } from 'webextension-polyfill';
import { isAuditEvent } from '../core/audit/auditLog.ts';
import { AUDIT_MESSAGE } from '../platform/auditSink.ts';
import { storeAuditEvent } from './auditStore.ts';
import { isOwnPage } from './isOwnPage.ts';

const extensionOrigin = browser.runtime.getURL('');

// The toolbar button opens the side panel: the agent's desk sits beside whatever tab is open.
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isOwnPage(sender, browser.runtime.id, extensionOrigin)) return undefined;
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, event } = message as { type?: unknown; event?: unknown };
  if (type === AUDIT_MESSAGE && isAuditEvent(event)) return storeAuditEvent(event);
  return undefined;
});

import browser from 'webextension-polyfill';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';

export const AUDIT_MESSAGE = 'connect-shield/audit';

/** Pages hand audit events to the service worker, which stores and exports them. */
export function sendAuditEvent(event: AuditEvent): void {
  browser.runtime.sendMessage({ type: AUDIT_MESSAGE, event }).catch(() => {
    // The worker restarts on demand; a lost event is retried by nobody, so say so where IT can see it.
    console.warn('Connect Shield: an audit event could not be delivered', event.type);
  });
}

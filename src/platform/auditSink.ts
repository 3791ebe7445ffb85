import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { callWorker } from './callWorker.ts';

/** Pages hand audit events to the service worker, which stores and exports them. */
export function sendAuditEvent(event: AuditEvent): void {
  void callWorker('audit.record', event).then((result) => {
    // A lost event is retried by nobody, so say so where IT can see it (the type only, never details).
    if (!result.ok) console.warn('Connect Shield: an audit event could not be delivered', event.type, result.error);
  });
}

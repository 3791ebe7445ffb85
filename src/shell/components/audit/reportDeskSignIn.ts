import type { AgentIdentity } from '../../../core/roles/Role.ts';
import { callWorker } from '../../../platform/callWorker.ts';

let reported: { key: string; done: Promise<void> } | null = null;

/**
 * Tells the worker who this desk's CCP signed in, once per identity and page. Every desk reports,
 * agents included: the worker binds the first report to this page and answers the audit view only
 * to a page bound to a supervisor, so a page cannot later claim to be someone else. The audit view
 * waits for the report before it asks.
 */
export function reportDeskSignIn(identity: AgentIdentity): Promise<void> {
  const { username, routingProfile, permissions } = identity;
  const key = JSON.stringify([username, routingProfile, permissions]);
  if (reported?.key !== key) {
    reported = { key, done: callWorker('desk.signedIn', { username, routingProfile, permissions: [...permissions] }).then(() => undefined) };
  }
  return reported.done;
}

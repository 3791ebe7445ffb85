import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { buildContactView, type ContactViewPolicy } from '../core/contact/buildContactView.ts';
import type { ContactView } from '../core/contact/ContactView.ts';
import type { SensitiveKind } from '../core/policy/Policy.ts';
import type { SecureCaptureHistory } from '../core/ivr/deriveSecureCaptures.ts';
import type { RevealedDisplay } from '../core/roles/ActiveReveal.ts';
import { buildAuditEvent } from '../core/audit/buildAuditEvent.ts';
import { withContactId } from '../core/audit/incidentKey.ts';
import { createCallerRiskChecks, type AskCallerRisk } from './callerRiskChecks.ts';
import { followAgent, type AgentSource } from './followAgent.ts';
import { readRawContact } from './readRawContact.ts';

export interface ContactFeedListener {
  contacts(views: ContactView[]): void;
  audit(event: AuditEvent): void;
}

export interface ContactFeed {
  /**
   * Re-reads one attribute from Streams for a supervisor's reveal and returns what the policy lets
   * them see of that kind, or null when the contact or attribute is gone. The raw value is not kept.
   */
  reveal(contactId: string, attributeName: string, kind: SensitiveKind): RevealedDisplay | null;
  /** A new policy brings a new masker and secure fields: contacts are shown again with them at once. */
  setViewPolicy(policy: ContactViewPolicy): void;
  /** The Streams contact behind a view, for the agent's actions; never handed to the shell. */
  findContact(contactId: string): connect.Contact | null;
  dispose(): void;
}

/**
 * Streams contacts in, masked ContactViews out. Raw Streams objects never leave the adapter: the
 * listener only ever receives display data.
 */
export function startContactFeed(
  api: AgentSource,
  initialPolicy: ContactViewPolicy,
  listener: ContactFeedListener,
  askCallerRisk?: AskCallerRisk,
): ContactFeed {
  let viewPolicy = initialPolicy;
  let agentRef: connect.Agent | null = null;
  // Secure-IVR chips remember each contact's status changes (statuses and times, never values).
  const captureHistories = new Map<string, SecureCaptureHistory>();
  // A verdict arriving re-publishes the contacts, so the banner shows while the contact still rings.
  const callerRisk = askCallerRisk ? createCallerRiskChecks(askCallerRisk, () => agentRef && publish(agentRef)) : null;
  // Snapshots arrive many times per contact; each audit fact is reported once per contact.
  const reported = new Map<string, Set<string>>();
  const reportOnce = (contactId: string, event: AuditEvent): void => {
    const key = `${event.type} ${JSON.stringify(event.details)}`;
    const seen = reported.get(contactId) ?? new Set<string>();
    reported.set(contactId, seen);
    if (seen.has(key)) return;
    seen.add(key);
    listener.audit(event);
  };

  const publish = (agent: connect.Agent): void => {
    const now = Date.now();
    const views: ContactView[] = [];
    for (const contact of agent.getContacts()) {
      const raw = readRawContact(contact);
      const { view, auditEvents, plaintextIncidents, flowProblems, captureHistory } = buildContactView(
        raw,
        viewPolicy,
        now,
        captureHistories.get(raw.contactId),
      );
      captureHistories.set(view.contactId, captureHistory);
      auditEvents.forEach((event) => reportOnce(view.contactId, withContactId(event, view.contactId)));
      plaintextIncidents.forEach((field) => reportOnce(view.contactId, buildAuditEvent('ivr.plaintext_incident', { contactId: view.contactId, field })));
      flowProblems.forEach((field) =>
        reportOnce(view.contactId, buildAuditEvent('ivr.flow_problem', { contactId: view.contactId, field, problem: 'value_missing' })),
      );
      views.push(callerRisk ? { ...view, callerRisk: callerRisk.stateOf(view.contactId, view.channel, raw.callerNumber) } : view);
    }
    const live = new Set(views.map((view) => view.contactId));
    for (const contactId of captureHistories.keys()) if (!live.has(contactId)) captureHistories.delete(contactId);
    callerRisk?.keepOnly(live);
    for (const contactId of reported.keys()) {
      if (!views.some((view) => view.contactId === contactId)) reported.delete(contactId);
    }
    listener.contacts(views);
  };

  const stop = followAgent(api, (agent) => {
    agentRef = agent;
    publish(agent);
  });

  const findContact = (contactId: string): connect.Contact | null => agentRef?.getContacts().find((contact) => contact.getContactId() === contactId) ?? null;

  return {
    findContact,
    reveal(contactId, attributeName, kind) {
      const contact = findContact(contactId);
      if (!contact) return null;
      let attributes: connect.AttributeDictionary | null;
      try {
        attributes = contact.getAttributes();
      } catch {
        return null;
      }
      const entry = attributes?.[attributeName];
      // Secure-IVR attributes are status only: nobody reveals them.
      if (!entry || viewPolicy.secureFields.some((field) => field.valueAttribute === attributeName || field.statusAttribute === attributeName)) return null;
      const { display, shownKinds, auditEvents } = viewPolicy.masker.revealDisplay(attributeName, entry.value, kind);
      auditEvents.forEach((event) => listener.audit(event));
      return { display, shownKinds };
    },
    setViewPolicy(next) {
      viewPolicy = next;
      if (agentRef) publish(agentRef);
    },
    dispose() {
      stop();
      agentRef = null;
      reported.clear();
      captureHistories.clear();
      callerRisk?.dispose();
    },
  };
}

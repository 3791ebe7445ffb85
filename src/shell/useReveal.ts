import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AgentView } from '../core/agent/AgentView.ts';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import type { ContactMasker } from '../core/contact/ContactMasker.ts';
import type { EffectivePolicy } from '../core/policy/EffectivePolicy.ts';
import type { SensitiveKind } from '../core/policy/Policy.ts';
import type { ActiveReveal, RevealedDisplay } from '../core/roles/ActiveReveal.ts';
import { nextExpiry, onlyForContacts, revealsOf, withoutExpired, withReveal } from '../core/roles/activeReveals.ts';
import { resolveRole } from '../core/roles/resolveRole.ts';
import { revealOffers } from '../core/roles/revealOffers.ts';
import type { Role } from '../core/roles/Role.ts';
import { startReveal } from '../core/roles/startReveal.ts';
import type { RevealOptions } from './components/AttributeList.tsx';

export interface RevealDeps {
  agent: AgentView | null;
  policy: EffectivePolicy;
  masker: ContactMasker;
  /** The contacts on the desk: a reveal ends with its contact. */
  contactIds: readonly string[];
  readValue(contactId: string, attributeName: string, kind: SensitiveKind): RevealedDisplay | null;
  audit(event: AuditEvent): void;
  /** A reveal that could not be done; the key names a localized message. */
  failed(messageKey: string): void;
}

/**
 * The supervisor's reveals for the desk. The core decides (who, which kinds, the reason, how long,
 * the audit event); this hook only keeps the active reveals in React state and drops each one
 * from it when its time is up, so the value leaves the page rather than being hidden.
 */
export function useReveal({ agent, policy, masker, contactIds, readValue, audit, failed }: RevealDeps): {
  role: Role;
  revealFor(contactId: string): RevealOptions | null;
} {
  const [reveals, setReveals] = useState<readonly ActiveReveal[]>([]);
  const role = agent ? resolveRole(policy.roles, agent) : 'agent';
  const contactKey = contactIds.join('\n');

  useEffect(() => {
    setReveals((current) => (current.length === 0 ? current : onlyForContacts(current, contactIds)));
    // contactKey stands for contactIds: a new array with the same ids must not re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contactKey]);

  useEffect(() => {
    const soonest = nextExpiry(reveals);
    if (soonest === null) return undefined;
    const timer = setTimeout(() => setReveals((current) => withoutExpired(current, Date.now())), Math.max(0, soonest - Date.now()));
    return () => clearTimeout(timer);
  }, [reveals]);

  const reveal = useCallback(
    (contactId: string, attributeName: string, kind: SensitiveKind, reason: string) => {
      const outcome = startReveal(
        { contactId, attributeName, kind, reason },
        { who: agent?.username ?? null, role, roles: policy.roles, maskReason: (text) => masker.maskText(text).display, now: Date.now(), readValue },
      );
      if (!outcome.ok) return failed('errorReveal');
      audit(outcome.auditEvent);
      setReveals((current) => withReveal(current, outcome.reveal));
    },
    [agent, role, policy.roles, masker, readValue, audit, failed],
  );

  const revealFor = useMemo(
    () =>
      (contactId: string): RevealOptions | null =>
        role === 'supervisor'
          ? {
              // A masked name is not the real one: there is nothing to re-read it by.
              kindsFor: (attribute) => (attribute.nameMasked === true ? [] : revealOffers(attribute.kinds, role, policy.roles)),
              reasonRequired: policy.roles.reasonRequired,
              revealed: revealsOf(reveals, contactId),
              onReveal: (name, kind, reason) => reveal(contactId, name, kind, reason),
            }
          : null,
    [role, policy.roles, reveals, reveal],
  );

  return { role, revealFor };
}

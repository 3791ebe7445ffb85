import type { AuditEvent } from '../audit/AuditEvent.ts';
import { buildAuditEvent } from '../audit/buildAuditEvent.ts';
import type { CallerIdentity } from '../phone/readCallerIdentity.ts';
import type { CallerRisk } from './CallerRisk.ts';
import type { DenyList } from './DenyList.ts';
import { recordContact, type RepeatLedger, type RepeatEntry } from './repeatLedger.ts';

export interface RiskRules {
  denyList: DenyList;
  /** null: repeat-contact warnings are off (nothing is counted). */
  repeatContact: { count: number; windowMinutes: number } | null;
}

export interface CallerAssessment {
  risk: CallerRisk;
  /** The ledger to store, or null when nothing changed. */
  ledger: RepeatEntry[] | null;
  auditEvents: AuditEvent[];
}

/**
 * The whole risk decision for one contact. `hash` turns a normalized number into its keyed hash;
 * withheld callers are neither matched nor hashed nor counted. Audit events carry the contact id
 * and the verdict only.
 */
export async function assessCaller(
  contact: { contactId: string; channel: string; identity: CallerIdentity | null },
  rules: RiskRules,
  ledger: RepeatLedger,
  hash: (normalized: string) => Promise<string>,
  now: number,
): Promise<CallerAssessment> {
  const { identity } = contact;
  if (identity === null) return { risk: { check: 'not_provided', denyListed: false, repeat: null }, ledger: null, auditEvents: [] };
  if (identity.kind === 'withheld') return { risk: { check: 'withheld', denyListed: false, repeat: null }, ledger: null, auditEvents: [] };
  const denyListed = identity.kind === 'number' && rules.denyList.has(identity.e164);
  const auditEvents: AuditEvent[] = [];
  if (denyListed) auditEvents.push(buildAuditEvent('caller.denyListed', { contactId: contact.contactId, channel: contact.channel }, now));
  let repeat: CallerRisk['repeat'] = null;
  let nextLedger: RepeatEntry[] | null = null;
  if (rules.repeatContact) {
    const { count, windowMinutes } = rules.repeatContact;
    const normalized = identity.kind === 'number' ? identity.e164 : `digits:${identity.digits}`;
    const recorded = recordContact(ledger, { hash: await hash(normalized), contactId: contact.contactId }, now, windowMinutes * 60_000);
    nextLedger = recorded.ledger;
    if (recorded.ordinal > count) {
      repeat = { ordinal: recorded.ordinal, windowMinutes };
      auditEvents.push(
        buildAuditEvent('caller.repeat', { contactId: contact.contactId, channel: contact.channel, ordinal: recorded.ordinal, count, windowMinutes }, now),
      );
    }
  }
  return { risk: { check: identity.kind === 'number' ? 'checked' : 'unrecognized', denyListed, repeat }, ledger: nextLedger, auditEvents };
}

import type { AuditEventOf } from '../audit/AuditEvent.ts';
import type { RoleSettings, SensitiveKind } from '../policy/Policy.ts';
import type { ActiveReveal, RevealedDisplay } from './ActiveReveal.ts';
import { buildRevealAuditEvent, type MaskReason } from './buildRevealAuditEvent.ts';
import { canReveal } from './canReveal.ts';
import type { Role } from './Role.ts';

export interface RevealRequest {
  contactId: string;
  attributeName: string;
  kind: SensitiveKind;
  reason: string;
}

export interface RevealContext {
  /** The signed-in user's name, or null before Streams reported one. */
  who: string | null;
  role: Role;
  roles: RoleSettings & { revealSeconds: number; reasonRequired: boolean };
  maskReason: MaskReason;
  now: number;
  /** Re-reads the one value from Connect and masks it for this kind; null when it is gone. */
  readValue(contactId: string, attributeName: string, kind: SensitiveKind): RevealedDisplay | null;
}

type RevealProblem = 'not_allowed' | 'reason_missing' | 'value_gone';

export type RevealOutcome = { ok: true; reveal: ActiveReveal; auditEvent: AuditEventOf<'masking.reveal'> } | { ok: false; problem: RevealProblem };

/**
 * Decides a supervisor's reveal: who may reveal which kind, whether the reason is there, how long
 * it lasts, and the audit event. The value is re-read only once all of that allows it, and the
 * outcome carries only its display.
 */
export function startReveal(request: RevealRequest, context: RevealContext): RevealOutcome {
  if (context.who === null || !canReveal(request.kind, context.role, context.roles)) return { ok: false, problem: 'not_allowed' };
  const reason = request.reason.trim();
  if (context.roles.reasonRequired && reason === '') return { ok: false, problem: 'reason_missing' };
  const revealed = context.readValue(request.contactId, request.attributeName, request.kind);
  if (revealed === null) return { ok: false, problem: 'value_gone' };
  const auditEvent = buildRevealAuditEvent(
    {
      who: context.who,
      contactId: request.contactId,
      attributeName: request.attributeName,
      kind: request.kind,
      shownKinds: revealed.shownKinds,
      reason,
      at: context.now,
    },
    context.maskReason,
  );
  return {
    ok: true,
    reveal: {
      contactId: request.contactId,
      attributeName: request.attributeName,
      kind: request.kind,
      display: revealed.display,
      until: context.now + context.roles.revealSeconds * 1000,
    },
    auditEvent,
  };
}

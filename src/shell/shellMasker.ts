import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import type { ContactMasker } from '../core/contact/ContactMasker.ts';
import { failClosedMasker } from '../core/contact/failClosedMasker.ts';
import { withTextAuditHandOff } from '../core/contact/textAuditHandOff.ts';
import { maskLabelKey } from '../core/masking/maskLabelsFromMessages.ts';
import { maskingEngineForPolicy } from '../core/masking/maskingEngineForPolicy.ts';
import type { EffectivePolicy } from '../core/policy/EffectivePolicy.ts';
import { sendAuditEvent } from '../platform/auditSink.ts';
import { t } from '../platform/i18n.ts';

/**
 * The shell's masker: the same `maskingEngineForPolicy` the `mask` CLI uses, with the browser's
 * language for labels and phone countries. The text methods' audit events (a chat message that
 * failed closed, say) go to the worker like the attribute path's. A policy the worker accepted
 * always builds an engine; should it ever throw, every value is hidden.
 */
export function shellMasker(policy: EffectivePolicy, locale: string = navigator.language, report: (event: AuditEvent) => void = sendAuditEvent): ContactMasker {
  try {
    return withTextAuditHandOff(maskingEngineForPolicy(policy, { locale, labels: (kind) => t(maskLabelKey(kind)) }), report);
  } catch {
    return failClosedMasker;
  }
}

import type { AttributeView } from '../contact/ContactView.ts';
import type { AuditEvent } from '../audit/AuditEvent.ts';
import { HIDDEN_PLACEHOLDER } from './displayFormat.ts';

/**
 * The fail-closed view when there is no valid policy to mask with: every value hidden, only the
 * names remain. The shell uses it so that a missing policy never means raw values.
 */
export function maskEverything(attributes: Record<string, unknown>): { attributes: AttributeView[]; auditEvents: AuditEvent[] } {
  return {
    attributes: Object.keys(attributes).map((name) => ({ name, display: HIDDEN_PLACEHOLDER, kinds: ['secret'], masked: true })),
    auditEvents: [],
  };
}

import type { PolicyState } from '../../core/config/PolicyState.ts';
import { DEFAULT_AUDIT_MAX_EVENTS, DEFAULT_AUDIT_RETENTION_DAYS } from '../../core/policy/policyDefaults.ts';
import type { OutboxSettings } from './auditOutboxStore.ts';
import type { ExportSettings } from './auditExport.ts';

const DEFAULT_LIMITS = { maxEvents: DEFAULT_AUDIT_MAX_EVENTS, retentionDays: DEFAULT_AUDIT_RETENTION_DAYS };

/** Before a valid policy the outbox keeps events within the default bounds and exports nothing. */
export function outboxSettingsOf(state: PolicyState | null): OutboxSettings {
  if (state?.status !== 'ok') return { limits: DEFAULT_LIMITS, exporting: false };
  const { audit } = state.policy;
  return { limits: { maxEvents: audit.maxEvents, retentionDays: audit.retentionDays }, exporting: audit.endpoint !== null };
}

export function exportSettingsOf(state: PolicyState): ExportSettings {
  if (state.status !== 'ok') return { endpoint: null, headers: [], limits: DEFAULT_LIMITS, connectInstance: null };
  const { audit, instance } = state.policy;
  return {
    endpoint: audit.endpoint,
    headers: audit.headers,
    limits: { maxEvents: audit.maxEvents, retentionDays: audit.retentionDays },
    connectInstance: new URL(instance.ccpUrl).origin,
  };
}

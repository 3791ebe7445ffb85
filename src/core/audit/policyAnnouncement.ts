import type { PolicyState } from '../config/PolicyState.ts';
import type { EffectivePolicy } from '../policy/EffectivePolicy.ts';
import { canonicalJson } from '../policy/integrity/canonicalJson.ts';
import { digest } from '../policy/integrity/policySeal.ts';
import type { AuditEvent } from './AuditEvent.ts';
import { buildAuditEvent } from './buildAuditEvent.ts';

/**
 * The valid policy last announced to the audit trail, kept in `chrome.storage.local`: one short
 * digest per top-level section of the effective policy, never the settings themselves (the
 * audit section holds the collector's API key).
 */
export interface AnnouncedPolicy {
  version: 1;
  sections: Record<string, string>;
}

/** What to record and what to keep for a new verdict. `keep: 'as-is'`: storage stays untouched. */
export interface PolicyAnnouncement {
  event: AuditEvent | null;
  keep: AnnouncedPolicy | null | 'as-is';
}

export function announcedPolicyFromStorage(value: unknown): AnnouncedPolicy | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const sections = record['sections'];
  if (record['version'] !== 1 || typeof sections !== 'object' || sections === null) return null;
  const entries = Object.entries(sections).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return { version: 1, sections: Object.fromEntries(entries) };
}

function sectionDigests(policy: EffectivePolicy): Record<string, string> {
  return Object.fromEntries(
    Object.entries(policy)
      .filter(([, value]) => value !== undefined)
      .map(([section, value]) => [section, digest(canonicalJson(value)).slice(0, 16)]),
  );
}

/**
 * Decides whether a verdict is news for the SIEM. The worker computes a verdict at every wake and
 * on every storage change, so only a real change is announced: `policy.loaded` for the first valid
 * policy (of this installation, or after a verdict that refused the policy — `policy.invalid` was
 * recorded then), `policy.changed` with the top-level sections whose settings differ. The same
 * policy seen again, by a woken worker or after a browser restart, records nothing.
 */
export function announcePolicy(previous: AnnouncedPolicy | null, state: PolicyState, at: number): PolicyAnnouncement {
  if (state.status !== 'ok') return { event: null, keep: previous === null ? 'as-is' : null };
  const source = state.mode === 'evaluation' ? 'evaluation' : 'organization';
  const sections = sectionDigests(state.policy);
  const announced: AnnouncedPolicy = { version: 1, sections };
  if (previous === null) return { event: buildAuditEvent('policy.loaded', { source }, at), keep: announced };
  const names = [...new Set([...Object.keys(previous.sections), ...Object.keys(sections)])];
  const changed = names.filter((name) => previous.sections[name] !== sections[name]).sort();
  if (changed.length === 0) return { event: null, keep: 'as-is' };
  return { event: buildAuditEvent('policy.changed', { source, sections: changed }, at), keep: announced };
}

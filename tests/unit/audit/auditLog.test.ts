import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit/AuditEvent.ts';
import { AUDIT_LOG_MAX_ENTRIES, appendAuditEvent, pruneAuditLog } from '../../../src/core/audit/auditLog.ts';

const event = (at: string): AuditEvent => ({ type: 'ccp.unreachable', at, details: {} });

describe('appendAuditEvent', () => {
  it('drops events past retention and keeps the newest within the cap', () => {
    const now = Date.parse('2026-11-29T00:00:00Z');
    const old = event('2026-10-01T00:00:00Z');
    const recent = event('2026-11-28T00:00:00Z');
    expect(appendAuditEvent([old, recent], event('2026-11-29T00:00:00Z'), now, 30)).toEqual([recent, event('2026-11-29T00:00:00Z')]);
    const full = Array.from({ length: AUDIT_LOG_MAX_ENTRIES }, () => recent);
    const next = appendAuditEvent(full, event('2026-11-29T00:00:00Z'), now);
    expect(next).toHaveLength(AUDIT_LOG_MAX_ENTRIES);
    expect(next.at(-1)?.at).toBe('2026-11-29T00:00:00Z');
  });
});

describe('pruneAuditLog', () => {
  it('keeps exactly the events within the policy’s retention', () => {
    const now = Date.parse('2026-11-29T00:00:00Z');
    const events = [event('2026-11-01T00:00:00Z'), event('2026-11-20T00:00:00Z'), event('2026-11-28T12:00:00Z')];
    expect(pruneAuditLog(events, now, 7)).toEqual([event('2026-11-28T12:00:00Z')]);
    expect(pruneAuditLog(events, now, 10)).toEqual(events.slice(1));
    expect(pruneAuditLog([event('not a time')], now, 3650)).toEqual([]);
  });
});

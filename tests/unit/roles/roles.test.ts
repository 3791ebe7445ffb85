import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { buildRevealAuditEvent, type RevealRecord } from '../../../src/core/roles/buildRevealAuditEvent.ts';
import { canReveal } from '../../../src/core/roles/canReveal.ts';
import { resolveRole } from '../../../src/core/roles/resolveRole.ts';
import type { RoleSettings, SensitiveKind } from '../../../src/core/policy/Policy.ts';

const identity = { username: 'Sup.Tanaka', routingProfile: 'Tokyo Supervisors', permissions: ['BasicAgentAccess', 'ContactSearch.View'] };

describe('resolveRole', () => {
  it('is agent unless elevated view is allowed and the identity matches', () => {
    expect(resolveRole(undefined, identity)).toBe('agent');
    expect(resolveRole({ supervisors: { usernames: ['sup.tanaka'] } }, identity)).toBe('agent');
    expect(resolveRole({ elevatedViewAllowed: false, supervisors: { usernames: ['sup.tanaka'] } }, identity)).toBe('agent');
    expect(resolveRole({ elevatedViewAllowed: true }, identity)).toBe('agent');
    expect(resolveRole({ elevatedViewAllowed: true, supervisors: { usernames: ['someone'] } }, identity)).toBe('agent');
  });

  it('matches usernames case-insensitively, routing profiles and permissions exactly', () => {
    expect(resolveRole({ elevatedViewAllowed: true, supervisors: { usernames: ['SUP.TANAKA'] } }, identity)).toBe('supervisor');
    expect(resolveRole({ elevatedViewAllowed: true, supervisors: { routingProfiles: ['Tokyo Supervisors'] } }, identity)).toBe('supervisor');
    expect(resolveRole({ elevatedViewAllowed: true, supervisors: { routingProfiles: ['tokyo supervisors'] } }, identity)).toBe('agent');
    expect(resolveRole({ elevatedViewAllowed: true, supervisors: { permissions: ['ContactSearch.View'] } }, identity)).toBe('supervisor');
  });
});

describe('canReveal', () => {
  const roles: RoleSettings = { elevatedViewAllowed: true, revealableKinds: ['ssn', 'pan', 'ciphertext', 'email'] };

  it('lets a supervisor reveal listed kinds only', () => {
    expect(canReveal('ssn', 'supervisor', roles)).toBe(true);
    expect(canReveal('email', 'supervisor', roles)).toBe(true);
    expect(canReveal('dob', 'supervisor', roles)).toBe(false);
    expect(canReveal('ssn', 'agent', roles)).toBe(false);
    expect(canReveal('ssn', 'supervisor', { ...roles, elevatedViewAllowed: false })).toBe(false);
    expect(canReveal('ssn', 'supervisor', { elevatedViewAllowed: true })).toBe(false);
  });

  it('never reveals cards or ciphertext, whatever the policy lists', () => {
    const all: SensitiveKind[] = ['pan', 'ciphertext'];
    for (const kind of all) expect(canReveal(kind, 'supervisor', roles)).toBe(false);
  });
});

describe('buildRevealAuditEvent', () => {
  const record: RevealRecord = {
    who: 'sup.tanaka',
    contactId: 'c-123',
    attributeName: 'customerSsn',
    kind: 'ssn',
    shownKinds: ['ssn'],
    reason: 'customer asked to confirm identity',
    at: Date.UTC(2024, 10, 29),
  };
  const engine = createMaskingEngine(undefined);
  const maskReason = (text: string): string => engine.maskText(text).display;

  it('carries who, what, the kinds shown and why, and nothing else', () => {
    expect(buildRevealAuditEvent(record, maskReason)).toEqual({
      type: 'masking.reveal',
      at: '2024-11-29T00:00:00.000Z',
      details: {
        who: 'sup.tanaka',
        contactId: 'c-123',
        attributeName: 'customerSsn',
        kind: 'ssn',
        kinds: ['ssn'],
        reason: 'customer asked to confirm identity',
      },
    });
  });

  it('drops a value smuggled in as an extra property and masks one typed into the reason', () => {
    const smuggled = { ...record, value: '123-45-6789', reason: 'caller read 4111 1111 1111 1111 and ssn 123-45-6789' };
    const event = buildRevealAuditEvent(smuggled, maskReason);
    const json = JSON.stringify(event);
    expect(json).not.toContain('123-45-6789');
    expect(json).not.toContain('4111 1111 1111 1111');
    expect(event.details.reason).toBe('caller read •••• 1111 and ssn •••• 6789');
  });
});

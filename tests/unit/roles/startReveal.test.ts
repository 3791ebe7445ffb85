import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import type { RevealedDisplay } from '../../../src/core/roles/ActiveReveal.ts';
import { nextExpiry, onlyForContacts, revealsOf, withoutExpired, withReveal } from '../../../src/core/roles/activeReveals.ts';
import { startReveal, type RevealContext } from '../../../src/core/roles/startReveal.ts';

const roles = { elevatedViewAllowed: true, revealableKinds: ['ssn' as const], revealSeconds: 30, reasonRequired: true };
const NOW = Date.UTC(2026, 11, 1, 9);
const request = { contactId: 'c-1', attributeName: 'ssn', kind: 'ssn' as const, reason: ' identity check ' };

function context(overrides: Partial<RevealContext> = {}): RevealContext & { reads: string[] } {
  const reads: string[] = [];
  return {
    who: 'sup.tanaka',
    role: 'supervisor',
    roles,
    maskReason: (text) => createMaskingEngine(undefined).maskText(text).display,
    now: NOW,
    readValue: (contactId, name): RevealedDisplay => {
      reads.push(`${contactId}/${name}`);
      return { display: '123-45-6789', shownKinds: ['ssn'] };
    },
    reads,
    ...overrides,
  };
}

describe('startReveal', () => {
  it('reveals for the policy seconds and audits who, what, the kinds shown and the reason', () => {
    const outcome = startReveal(request, context());
    expect(outcome).toEqual({
      ok: true,
      reveal: { contactId: 'c-1', attributeName: 'ssn', kind: 'ssn', display: '123-45-6789', until: NOW + 30_000 },
      auditEvent: {
        type: 'masking.reveal',
        at: new Date(NOW).toISOString(),
        details: { who: 'sup.tanaka', contactId: 'c-1', attributeName: 'ssn', kind: 'ssn', kinds: ['ssn'], reason: 'identity check' },
      },
    });
  });

  it('reads nothing unless the reveal is allowed and the reason is there', () => {
    const refused = [
      [{ ...request, kind: 'email' as const }, context()],
      [request, context({ role: 'agent' })],
      [request, context({ who: null })],
      [{ ...request, kind: 'pan' as const }, context({ roles: { ...roles, revealableKinds: ['pan'] } })],
    ] as const;
    for (const [asked, ctx] of refused) {
      expect(startReveal(asked, ctx)).toEqual({ ok: false, problem: 'not_allowed' });
      expect(ctx.reads).toEqual([]);
    }
    const noReason = context();
    expect(startReveal({ ...request, reason: '   ' }, noReason)).toEqual({ ok: false, problem: 'reason_missing' });
    expect(noReason.reads).toEqual([]);
    expect(startReveal({ ...request, reason: '' }, context({ roles: { ...roles, reasonRequired: false } })).ok).toBe(true);
  });

  it('says so when the value is gone', () => {
    expect(startReveal(request, context({ readValue: () => null }))).toEqual({ ok: false, problem: 'value_gone' });
  });

  it("masks the reason with the policy's engine: its default country and custom patterns", () => {
    const policyEngine = createMaskingEngine({ patterns: [{ name: 'Member ID', regex: '\\bMB-[0-9]{8}\\b', display: 'label' }] }, { defaultCountry: 'JP' });
    const outcome = startReveal(
      { ...request, reason: 'caller on 090-1234-5678, member MB-12345678' },
      context({ maskReason: (text) => policyEngine.maskText(text).display }),
    );
    const reason = outcome.ok ? String(outcome.auditEvent.details.reason) : '';
    expect(reason).toBe('caller on •••• 5678, member [Member ID]');
    // An engine with US numbering and no patterns would have stored both as typed.
    expect(createMaskingEngine(undefined, { defaultCountry: 'US' }).maskText('caller on 090-1234-5678, member MB-12345678').display).toBe(
      'caller on 090-1234-5678, member MB-12345678',
    );
  });
});

describe('active reveals', () => {
  const a = { contactId: 'c-1', attributeName: 'ssn', kind: 'ssn' as const, display: 'x', until: NOW + 10 };
  const b = { contactId: 'c-2', attributeName: 'email', kind: 'email' as const, display: 'y', until: NOW + 5 };

  it('keeps one reveal per attribute, drops expired ones and those of contacts that left', () => {
    const both = withReveal(withReveal([], a), b);
    expect(nextExpiry(both)).toBe(NOW + 5);
    expect(withoutExpired(both, NOW + 5)).toEqual([a]);
    expect(withoutExpired(both, NOW + 10)).toEqual([]);
    expect(nextExpiry([])).toBeNull();
    expect(withReveal(both, { ...a, display: 'z' }).filter((r) => r.contactId === 'c-1')).toEqual([{ ...a, display: 'z' }]);
    expect(onlyForContacts(both, ['c-2'])).toEqual([b]);
    expect(revealsOf(both, 'c-1')).toEqual({ ssn: a });
  });
});

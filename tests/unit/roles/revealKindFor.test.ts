import { describe, expect, it } from 'vitest';
import type { RoleSettings } from '../../../src/core/policy/Policy.ts';
import { revealKindFor } from '../../../src/core/roles/revealKindFor.ts';

const roles: RoleSettings = { elevatedViewAllowed: true, revealableKinds: ['ssn', 'email'] };

describe('revealKindFor', () => {
  it('offers a reveal only to a supervisor, for revealable kinds', () => {
    expect(revealKindFor(['ssn'], 'supervisor', roles)).toBe('ssn');
    expect(revealKindFor(['ssn'], 'agent', roles)).toBeNull();
    expect(revealKindFor(['ssn'], 'supervisor', { ...roles, elevatedViewAllowed: false })).toBeNull();
    expect(revealKindFor(['myNumber'], 'supervisor', roles)).toBeNull();
  });

  it('allows a reveal next to a card number (which stays masked) but not next to another hidden kind', () => {
    expect(revealKindFor(['pan', 'email'], 'supervisor', roles)).toBe('email');
    expect(revealKindFor(['pan'], 'supervisor', roles)).toBeNull();
    expect(revealKindFor(['email', 'dob'], 'supervisor', roles)).toBeNull();
  });

  it('refuses kinds it does not know', () => {
    expect(revealKindFor(['email', 'hidden'], 'supervisor', roles)).toBeNull();
    expect(revealKindFor([], 'supervisor', roles)).toBeNull();
  });
});

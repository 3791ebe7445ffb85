import { describe, expect, it } from 'vitest';
import type { RoleSettings } from '../../../src/core/policy/Policy.ts';
import { revealOffers } from '../../../src/core/roles/revealOffers.ts';

const roles: RoleSettings = { elevatedViewAllowed: true, revealableKinds: ['ssn', 'email', 'dob'] };

describe('revealOffers', () => {
  it('offers a reveal only to a supervisor, for revealable kinds', () => {
    expect(revealOffers(['ssn'], 'supervisor', roles)).toEqual(['ssn']);
    expect(revealOffers(['ssn'], 'agent', roles)).toEqual([]);
    expect(revealOffers(['ssn'], 'supervisor', { ...roles, elevatedViewAllowed: false })).toEqual([]);
    expect(revealOffers(['myNumber'], 'supervisor', roles)).toEqual([]);
  });

  it('offers each revealable kind of a value on its own; the other kinds stay masked and do not stop it', () => {
    expect(revealOffers(['dob', 'ssn'], 'supervisor', roles)).toEqual(['dob', 'ssn']);
    expect(revealOffers(['dob', 'myNumber'], 'supervisor', roles)).toEqual(['dob']);
    expect(revealOffers(['pan', 'email'], 'supervisor', roles)).toEqual(['email']);
    expect(revealOffers(['email', 'hidden', 'email'], 'supervisor', roles)).toEqual(['email']);
  });

  it('never offers cards or ciphertext, or nothing at all', () => {
    expect(revealOffers(['pan', 'ciphertext'], 'supervisor', { ...roles, revealableKinds: ['pan', 'ciphertext'] })).toEqual([]);
    expect(revealOffers([], 'supervisor', roles)).toEqual([]);
  });
});

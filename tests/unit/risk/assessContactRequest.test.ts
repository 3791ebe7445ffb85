import { describe, expect, it } from 'vitest';
import { parseAssessContactRequest, parseAssessContactResponse } from '../../../src/core/risk/assessContactRequest.ts';

describe('the risk.assessContact contract', () => {
  it('reads a well-formed request and copies only its fields', () => {
    expect(parseAssessContactRequest({ contactId: 'c1', channel: 'voice', customer: '+819012345678', extra: 'x' })).toEqual({
      contactId: 'c1',
      channel: 'voice',
      customer: '+819012345678',
    });
    expect(parseAssessContactRequest({ contactId: 'c1', channel: 'chat', customer: null })).toEqual({ contactId: 'c1', channel: 'chat', customer: null });
  });

  it('refuses anything else', () => {
    for (const bad of [
      null,
      'c1',
      {},
      { contactId: '', channel: 'voice', customer: null },
      { contactId: 'c', channel: 'voice' },
      { contactId: 'c', channel: 'voice', customer: 42 },
      { contactId: 'c', channel: 'voice', customer: 'x'.repeat(257) },
      { contactId: 'c'.repeat(257), channel: 'voice', customer: null },
    ]) {
      expect(parseAssessContactRequest(bad)).toBeNull();
    }
  });

  it('reads a verdict and nothing more', () => {
    expect(parseAssessContactResponse({ risk: { check: 'checked', denyListed: true, repeat: { ordinal: 4, windowMinutes: 60, number: 'x' } } })).toEqual({
      risk: { check: 'checked', denyListed: true, repeat: { ordinal: 4, windowMinutes: 60 } },
    });
    expect(parseAssessContactResponse({ risk: { check: 'maybe', denyListed: true, repeat: null } })).toBeNull();
    expect(parseAssessContactResponse(null)).toBeNull();
  });
});

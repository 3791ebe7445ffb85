import { describe, expect, it } from 'vitest';
import { buildContactView } from '../../../src/core/contact/buildContactView.ts';
import type { RawContact } from '../../../src/core/contact/RawContact.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

const masker = createMaskingEngine(undefined, { defaultCountry: 'JP' });
const raw = (parties: NonNullable<RawContact['call']>['parties']): RawContact => ({
  contactId: 'c-1',
  type: 'voice',
  state: 'connected',
  stateSince: 1_000,
  agentConnectionState: 'connected',
  queueName: 'Payments',
  callerNumber: '+81312345678',
  attributes: {},
  call: { inbound: true, parties, muted: false },
});
const customer = (state: string, since = 2_000) => ({
  connectionId: 'cust',
  initial: true,
  state,
  stateSince: since,
  phoneNumber: '+81312345678',
  quickConnectName: null,
});

describe('call view', () => {
  it('says "On hold" with the hold start when every party waits, and masks every number', () => {
    const { view } = buildContactView(
      raw([
        customer('hold', 4_000),
        { connectionId: 'tp', initial: false, state: 'hold', stateSince: 5_000, phoneNumber: '+819012345678', quickConnectName: null },
      ]),
      { masker, secureFields: [] },
      9_000,
    );
    expect(view.phase).toBe('on_hold');
    expect(view.call?.holdSince).toBe(4_000);
    expect(view.call?.parties.map((party) => [party.role, party.label, party.state])).toEqual([
      ['customer', '•••• 5678', 'hold'],
      ['third_party', '•••• 5678', 'hold'],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/312345678|9012345678/);
  });

  it('shows quick connects by name, keeps a call with someone on the line connected, and drops parties that left', () => {
    const { view } = buildContactView(
      raw([
        customer('hold'),
        { connectionId: 'qc', initial: false, state: 'connected', stateSince: 5_000, phoneNumber: '+18005550199', quickConnectName: 'IT helpdesk' },
        { connectionId: 'gone', initial: false, state: 'disconnected', stateSince: 1, phoneNumber: null, quickConnectName: 'Old' },
      ]),
      { masker, secureFields: [] },
      9_000,
    );
    expect(view.phase).toBe('connected');
    expect(view.call?.parties.map((party) => party.label)).toEqual(['•••• 5678', 'IT helpdesk']);
  });
});

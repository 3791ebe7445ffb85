import { describe, expect, it } from 'vitest';
import { buildContactView } from '../../../src/core/contact/buildContactView.ts';
import { contactPhase } from '../../../src/core/contact/contactPhase.ts';
import { failClosedMasker } from '../../../src/core/contact/failClosedMasker.ts';
import { HIDDEN_PLACEHOLDER as HIDDEN_DISPLAY } from '../../../src/core/masking/displayFormat.ts';
import type { RawContact } from '../../../src/core/contact/RawContact.ts';

const hideAll = { masker: failClosedMasker, secureFields: [] };

const raw: RawContact = {
  contactId: 'c-1',
  type: 'voice',
  state: 'connecting',
  stateSince: 1_000,
  agentConnectionState: 'connecting',
  queueName: 'Payments',
  callerNumber: '+81312345678',
  attributes: { cardNumber: '4111 1111 1111 1111', orderId: 'ORD-1' },
};

describe('buildContactView', () => {
  it('keeps no raw value when every value is masked', () => {
    const { view } = buildContactView(raw, hideAll, 5_000);
    const rendered = JSON.stringify(view);
    expect(rendered).not.toContain('4111');
    expect(rendered).not.toContain('+81312345678');
    expect(view.attributes.map((a) => [a.name, a.display])).toEqual([
      ['cardNumber', HIDDEN_DISPLAY],
      ['orderId', HIDDEN_DISPLAY],
    ]);
    expect(view.caller?.display).toBe(HIDDEN_DISPLAY);
    expect(view).toMatchObject({ contactId: 'c-1', channel: 'voice', phase: 'connecting', queue: 'Payments', phaseSince: 1_000 });
  });

  it('says attributes are unavailable rather than showing none when Streams withholds them', () => {
    const { view } = buildContactView({ ...raw, attributes: null }, hideAll, 5_000);
    expect(view.attributesUnavailable).toBe(true);
    expect(view.attributes).toEqual([]);
  });

  it('falls back to now when Streams gives no timestamp, and to unknown for a new channel', () => {
    const { view } = buildContactView({ ...raw, stateSince: null, type: 'video' }, hideAll, 5_000);
    expect(view.phaseSince).toBe(5_000);
    expect(view.channel).toBe('unknown');
  });
});

describe('contactPhase', () => {
  it.each([
    ['incoming', null, 'incoming'],
    ['pending', null, 'incoming'],
    ['connecting', 'connecting', 'connecting'],
    ['connected', 'connected', 'connected'],
    ['connected', 'hold', 'on_hold'],
    ['ended', 'disconnected', 'after_contact_work'],
    ['missed', null, 'missed'],
    ['rejected', null, 'rejected'],
    ['error', null, 'error'],
    ['something-new', null, 'error'],
  ] as const)('%s / %s → %s', (state, agentState, phase) => {
    expect(contactPhase(state, agentState)).toBe(phase);
  });
});

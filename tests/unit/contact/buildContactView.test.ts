import { describe, expect, it } from 'vitest';
import { buildContactView } from '../../../src/core/contact/buildContactView.ts';
import { contactPhase } from '../../../src/core/contact/contactPhase.ts';
import { failClosedMasker } from '../../../src/core/contact/failClosedMasker.ts';
import { HIDDEN_PLACEHOLDER as HIDDEN_DISPLAY } from '../../../src/core/masking/displayFormat.ts';
import type { RawContact } from '../../../src/core/contact/RawContact.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

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
    // Names go through the masker like values: one that cannot mask hides them too.
    expect(view.attributes.map((a) => [a.name, a.display, a.nameMasked])).toEqual([
      [HIDDEN_DISPLAY, HIDDEN_DISPLAY, true],
      [HIDDEN_DISPLAY, HIDDEN_DISPLAY, true],
    ]);
    expect(view.caller?.display).toBe(HIDDEN_DISPLAY);
    expect(view).toMatchObject({ contactId: 'c-1', channel: 'voice', phase: 'connecting', queue: HIDDEN_DISPLAY, phaseSince: 1_000 });
  });

  // Issue 11, finding 4: a flow can write a card number into a name.
  it('masks attribute and queue names like values, keeping harmless ones readable', () => {
    const engine = createMaskingEngine(undefined);
    const withNames: RawContact = {
      ...raw,
      queueName: 'Callback 4111 1111 1111 1111',
      attributes: { 'card 4111111111111111': 'yes', orderId: 'ORD-1' },
    };
    const { view } = buildContactView(withNames, { masker: engine, secureFields: [] }, 5_000);
    expect(JSON.stringify(view)).not.toContain('4111111111111111');
    expect(JSON.stringify(view)).not.toContain('4111 1111 1111 1111');
    expect(view.queue).toBe('Callback •••• 1111');
    expect(view.attributes.map((a) => [a.name, a.display, a.nameMasked])).toEqual([
      ['card •••• 1111', 'yes', true],
      ['orderId', 'ORD-1', undefined],
    ]);
  });

  it('records a fail-closed attribute by its masked name', () => {
    const engine = createMaskingEngine(undefined);
    const { auditEvents } = buildContactView({ ...raw, attributes: { 'pan 4111111111111111': 7 } }, { masker: engine, secureFields: [] }, 5_000);
    expect(auditEvents).toHaveLength(1);
    expect(auditEvents[0]?.details).toMatchObject({ attributeName: 'pan •••• 1111', reason: 'not_a_string' });
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

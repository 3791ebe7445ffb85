import { describe, expect, it } from 'vitest';
import type { ContactView } from '../../../src/core/contact/ContactView.ts';
import { deskReducer, initialDeskState } from '../../../src/shell/shellState.ts';

const contact = (contactId: string, phase: ContactView['phase']): ContactView => ({
  contactId,
  channel: 'voice',
  phase,
  queue: null,
  caller: null,
  attributes: [],
  secureCaptures: [],
  attributesUnavailable: false,
  phaseSince: 0,
  call: null,
});

describe('deskReducer', () => {
  it('keeps a missed contact on the desk after Streams drops it, until dismissed', () => {
    let state = deskReducer(initialDeskState, { type: 'contacts', contacts: [contact('a', 'missed'), contact('b', 'connected')] });
    state = deskReducer(state, { type: 'contacts', contacts: [] });
    expect(state.missed.map((c) => c.contactId)).toEqual(['a']);
    state = deskReducer(state, { type: 'dismissMissed', contactId: 'a' });
    expect(state.missed).toEqual([]);
  });
});

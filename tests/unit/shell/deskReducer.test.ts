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

  it('drops chat history of contacts that are gone and ignores duplicate messages', () => {
    let state = deskReducer(initialDeskState, { type: 'contacts', contacts: [contact('c', 'connected')] });
    const message = { id: 'm', contactId: 'c', role: 'customer' as const, displayName: '', text: 'hi', at: 0, kind: 'text' as const };
    state = deskReducer(state, { type: 'chatMessage', message });
    state = deskReducer(state, { type: 'chatMessage', message });
    expect(state.chats.c).toHaveLength(1);
    state = deskReducer(state, { type: 'contacts', contacts: [] });
    expect(state.chats.c).toBeUndefined();
  });

  it('keeps a chat thread in time order when history arrives after live messages', () => {
    let state = deskReducer(initialDeskState, { type: 'contacts', contacts: [contact('c', 'connected')] });
    const message = (id: string, at: number) => ({ id, contactId: 'c', role: 'customer' as const, displayName: '', text: id, at, kind: 'text' as const });
    state = deskReducer(state, { type: 'chatMessage', message: message('live', 30) });
    state = deskReducer(state, { type: 'chatMessage', message: message('old', 10) });
    state = deskReducer(state, { type: 'chatMessage', message: message('older', 5) });
    expect(state.chats.c?.map((m) => m.id)).toEqual(['older', 'old', 'live']);
  });
});

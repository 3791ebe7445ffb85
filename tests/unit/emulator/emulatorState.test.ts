import { describe, expect, it } from 'vitest';
import { EmulatorState } from '../../emulator/model/emulatorState.ts';
import { EmulatorError } from '../../emulator/model/emulatorError.ts';
import { instanceCatalog } from '../../emulator/model/instanceCatalog.ts';
import type { ContactStateType } from '../../emulator/model/types.ts';

function newState(): EmulatorState {
  return new EmulatorState(instanceCatalog('us-west-2'), { name: 'Ada', state: 'Available' });
}

/** Records the contact's state at every change notification. */
function watch(state: EmulatorState, contactId: string): Array<ContactStateType | 'gone'> {
  const seen: Array<ContactStateType | 'gone'> = [];
  state.onChange(() => seen.push(state.contacts.find((c) => c.contactId === contactId)?.state ?? 'gone'));
  return seen;
}

describe('EmulatorState', () => {
  it('moves an inbound voice contact through connecting → connected → ended (ACW) → cleared', () => {
    const state = newState();
    const contact = state.addContact({ type: 'voice', caller: '+81 3-1234-5678', attributes: { a: '1' } });
    expect(contact.state).toBe('connecting');
    expect(contact.agentConnection.state).toBe('connecting');
    expect(contact.customerConnection.state).toBe('connected');
    expect(contact.customerNumber).toBe('+81 3-1234-5678');
    const seen = watch(state, contact.contactId);
    state.accept(contact.contactId);
    state.destroyConnection(contact.contactId, contact.agentConnection.connectionId);
    state.clear(contact.contactId);
    expect(seen).toEqual(['connected', 'ended', 'gone']);
  });

  it('shows rejected and missed contacts once before removing them', () => {
    const state = newState();
    const rejected = state.addContact({ type: 'voice' });
    const seenRejected = watch(state, rejected.contactId);
    state.reject(rejected.contactId);
    expect(seenRejected).toEqual(['rejected', 'gone']);

    const missed = state.addContact({ type: 'chat', initialState: 'incoming' });
    const seenMissed = watch(state, missed.contactId);
    state.moveTo(missed.contactId, 'missed');
    expect(seenMissed).toEqual(['missed', 'gone']);
    expect(state.agent.state).toMatchObject({ name: 'MissedCallAgent', type: 'error' });
    state.putAgentState('Available');
    expect(state.agent.state.name).toBe('Available');
  });

  it('puts the customer leg on hold for on_hold and accepts a ringing contact first', () => {
    const state = newState();
    const contact = state.addContact({ type: 'voice' });
    state.moveTo(contact.contactId, 'on_hold');
    expect(contact.state).toBe('connected');
    expect(contact.customerConnection.state).toBe('hold');
  });

  it('merges attributes and removes those set to null', () => {
    const state = newState();
    const contact = state.addContact({ type: 'voice', attributes: { keep: 'k', drop: 'd' } });
    state.mergeAttributes(contact.contactId, { drop: null, add: 'new' });
    expect(state.findContact(contact.contactId).attributes).toEqual({ keep: 'k', add: 'new' });
  });

  it('records chat messages in the transcript and relays them', () => {
    const state = newState();
    const chat = state.addContact({ type: 'chat', customerName: 'Chloe' });
    const relayed: string[] = [];
    state.onChatItem((contactId, item) => relayed.push(`${contactId}:${item.ParticipantRole}:${item.Content ?? item.ContentType}`));
    state.addCustomerMessage(chat.contactId, 'hi', 'text/plain');
    state.addAgentMessage(chat, 'hello', 'text/plain');
    state.end(chat.contactId);
    expect(relayed).toEqual([
      `${chat.contactId}:CUSTOMER:hi`,
      `${chat.contactId}:AGENT:hello`,
      `${chat.contactId}:SYSTEM:application/vnd.amazonaws.connect.event.chat.ended`,
    ]);
    expect(chat.transcript.map((i) => i.InitialContactId)).toEqual([chat.contactId, chat.contactId, chat.contactId]);
    expect(state.log.agentMessages).toEqual([expect.objectContaining({ contactId: chat.contactId, content: 'hello' })]);
    expect(state.findContactByToken(chat.connectionToken)).toBe(chat);
    expect(state.findContactByToken(chat.participantToken)).toBe(chat);
  });

  it('refuses unknown contacts (404), chat messages to voice contacts and unknown agent states (400)', () => {
    const state = newState();
    const voice = state.addContact({ type: 'voice' });
    const statusOf = (action: () => void): number | undefined => {
      try {
        action();
      } catch (error) {
        if (error instanceof EmulatorError) return error.status;
        throw error;
      }
      return undefined;
    };
    expect(statusOf(() => state.accept('missing'))).toBe(404);
    expect(statusOf(() => state.addCustomerMessage(voice.contactId, 'x', 'text/plain'))).toBe(400);
    expect(statusOf(() => state.updateAgent({ state: 'Sleeping' }))).toBe(400);
    expect(statusOf(() => state.addContact({ type: 'voice', contactId: voice.contactId }))).toBe(400);
  });

  it('reset restores the start-up agent and forgets contacts and the log', () => {
    const state = newState();
    state.updateAgent({ name: 'Other', permissions: [] });
    state.addContact({ type: 'voice' });
    state.log.apiRequests.push({ at: '', method: 'x', params: null });
    state.reset();
    expect(state.agent.name).toBe('Ada');
    expect(state.contacts).toEqual([]);
    expect(state.log.apiRequests).toEqual([]);
  });
});

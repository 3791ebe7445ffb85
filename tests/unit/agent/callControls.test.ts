import { describe, expect, it } from 'vitest';
import type { CallView, PartyView } from '../../../src/core/agent/CallView.ts';
import { callControls, contactTimer, orderForDesk } from '../../../src/core/agent/callControls.ts';
import { agentStateLabel } from '../../../src/core/agent/agentStateLabel.ts';
import { formatDuration } from '../../../src/core/agent/formatDuration.ts';
import { searchQuickConnects } from '../../../src/core/agent/QuickConnectView.ts';
import { shortcutAction } from '../../../src/core/agent/shortcutAction.ts';
import type { ContactView } from '../../../src/core/contact/ContactView.ts';

const party = (state: PartyView['state'], role: PartyView['role'] = 'customer', since = 1_000): PartyView => ({
  connectionId: `${role}-${state}`,
  role,
  label: '•••• 5678',
  labelMasked: true,
  state,
  since,
});
const call = (parties: PartyView[], extra: Partial<CallView> = {}): CallView => ({
  direction: 'inbound',
  parties,
  allOnHold: parties.every((p) => p.state === 'hold'),
  holdSince: null,
  muted: false,
  ...extra,
});
const voice = (contactId: string, phase: ContactView['phase'], callView: CallView | null = call([party('connected')]), phaseSince = 0): ContactView => ({
  contactId,
  channel: 'voice',
  phase,
  queue: null,
  caller: null,
  attributes: [],
  secureCaptures: [],
  attributesUnavailable: false,
  phaseSince,
  call: callView,
});

describe('call controls', () => {
  it('offers accept and reject while an inbound call rings, only hang-up for the agent’s own outbound call', () => {
    expect(callControls(voice('a', 'connecting'))).toEqual(['accept', 'reject']);
    expect(callControls(voice('a', 'connecting', call([party('connecting')], { direction: 'outbound' })))).toEqual(['hangUp']);
  });

  it('offers hold, mute, keypad, transfer and hang-up on a 1:1 call; resume and unmute when they apply', () => {
    expect(callControls(voice('a', 'connected'))).toEqual(['hold', 'mute', 'keypad', 'addParty', 'hangUp']);
    expect(callControls(voice('a', 'on_hold', call([party('hold')], { muted: true })))).toEqual(['resume', 'unmute', 'keypad', 'addParty', 'hangUp']);
  });

  it('offers hold all, join, swap and leave with several parties', () => {
    expect(callControls(voice('a', 'connected', call([party('hold'), party('connected', 'third_party')])))).toEqual([
      'holdAll',
      'join',
      'swap',
      'mute',
      'keypad',
      'leave',
      'hangUp',
    ]);
    expect(callControls(voice('a', 'connected', call([party('connected'), party('connected', 'third_party')])))).toEqual([
      'holdAll',
      'mute',
      'keypad',
      'leave',
      'hangUp',
    ]);
    expect(callControls(voice('a', 'on_hold', call([party('hold'), party('hold', 'third_party')])))).toEqual([
      'join',
      'resume',
      'mute',
      'keypad',
      'leave',
      'hangUp',
    ]);
  });

  it('offers close in after-contact work and for missed contacts; chats end, not hang up', () => {
    expect(callControls(voice('a', 'after_contact_work'))).toEqual(['close']);
    expect(callControls(voice('a', 'missed'))).toEqual(['close']);
    expect(callControls({ ...voice('c', 'connected', null), channel: 'chat' })).toEqual(['endChat']);
  });

  it('times the contact, the hold and after-contact work from when each began', () => {
    expect(contactTimer(voice('a', 'connected', undefined, 5))).toEqual({ kind: 'contact', since: 5 });
    expect(contactTimer(voice('a', 'on_hold', call([party('hold')], { holdSince: 9 }), 5))).toEqual({ kind: 'hold', since: 9 });
    expect(contactTimer(voice('a', 'after_contact_work', undefined, 7))).toEqual({ kind: 'after_contact_work', since: 7 });
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-5)).toBe('0:00');
  });

  it('puts ringing contacts first, oldest first', () => {
    const contacts = [voice('live', 'connected'), voice('late', 'connecting', undefined, 20), voice('early', 'incoming', undefined, 10)];
    expect(orderForDesk(contacts).map((contact) => contact.contactId)).toEqual(['early', 'late', 'live']);
  });
});

describe('agent state names', () => {
  it('shows the instance’s own states as named and Connect’s system states as what they mean', () => {
    expect(agentStateLabel({ name: 'Lunch', type: 'not_routable' })).toEqual({ kind: 'named', name: 'Lunch' });
    for (const [name, key] of [
      ['PendingBusy', 'agentState_PendingBusy'],
      ['Busy', 'agentState_Busy'],
      ['AfterCallWork', 'agentState_AfterCallWork'],
      ['CallingCustomer', 'agentState_CallingCustomer'],
    ])
      expect(agentStateLabel({ name: name ?? '', type: 'system' })).toEqual({ kind: 'message', key });
    expect(agentStateLabel({ name: 'MissedCallAgent', type: 'error' })).toEqual({ kind: 'message', key: 'agentState_MissedCallAgent' });
    expect(agentStateLabel({ name: 'FailedConnectAgent', type: 'error' })).toEqual({ kind: 'message', key: 'agentState_FailedConnectAgent' });
    expect(agentStateLabel({ name: 'SomethingNew', type: 'error' })).toEqual({ kind: 'message', key: 'agentState_Error' });
  });
});

describe('quick connect search and shortcuts', () => {
  it('finds quick connects by every word typed, ignoring case and width', () => {
    const list = [
      { id: '1', name: 'IT helpdesk', type: 'phone_number' as const },
      { id: '2', name: 'Billing queue', type: 'queue' as const },
    ];
    expect(searchQuickConnects(list, 'BILL').map((q) => q.id)).toEqual(['2']);
    expect(searchQuickConnects(list, 'ｉｔ help').map((q) => q.id)).toEqual(['1']);
    expect(searchQuickConnects(list, '').map((q) => q.id)).toEqual(['2', '1']);
  });

  it('maps each shortcut to the contact it applies to, or to nothing', () => {
    const contacts = [voice('live', 'connected'), voice('ring', 'connecting')];
    expect(shortcutAction('accept-contact', contacts)).toEqual({ control: 'accept', contactId: 'ring' });
    expect(shortcutAction('hang-up', contacts)).toEqual({ control: 'hangUp', contactId: 'live' });
    expect(shortcutAction('toggle-hold', contacts)).toEqual({ control: 'hold', contactId: 'live' });
    expect(shortcutAction('toggle-hold', [voice('held', 'on_hold', call([party('hold')]))])).toEqual({ control: 'resume', contactId: 'held' });
    expect(shortcutAction('toggle-mute', contacts)).toEqual({ control: 'mute', contactId: 'live' });
    expect(shortcutAction('accept-contact', [voice('live', 'connected')])).toBeNull();
  });
});

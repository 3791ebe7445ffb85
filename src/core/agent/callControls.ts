import type { ContactView } from '../contact/ContactView.ts';

/** Everything the agent can do to one contact from its card. */
export type CallControl =
  'accept' | 'reject' | 'hangUp' | 'endChat' | 'hold' | 'resume' | 'mute' | 'unmute' | 'keypad' | 'addParty' | 'holdAll' | 'join' | 'swap' | 'leave' | 'close';

/** Which timer the card shows, and since when. */
export type ContactTimer = { kind: 'contact' | 'hold' | 'after_contact_work' | 'ringing'; since: number } | null;

const CLOSABLE = new Set<ContactView['phase']>(['after_contact_work', 'missed', 'rejected', 'error', 'ended']);

/**
 * The controls that apply to a contact in its phase, in the order the card shows them. Streams
 * would refuse the others (or, worse, do something the agent did not mean), so they are not shown.
 */
export function callControls(contact: ContactView): CallControl[] {
  const { phase, call } = contact;
  if (CLOSABLE.has(phase)) return ['close'];
  if (contact.channel !== 'voice' && contact.channel !== 'queue_callback') {
    if (phase === 'incoming' || phase === 'connecting') return ['accept', 'reject'];
    return phase === 'connected' ? ['endChat'] : [];
  }
  const ringing = phase === 'incoming' || phase === 'connecting';
  // The agent's own outbound call rings at the customer: the agent can only give up.
  if (ringing) return call?.direction === 'outbound' ? ['hangUp'] : ['accept', 'reject'];
  const parties = call?.parties ?? [];
  const held = parties.filter((party) => party.state === 'hold');
  const talking = parties.filter((party) => party.state === 'connected');
  const controls: CallControl[] = [];
  const mute: CallControl = call?.muted === true ? 'unmute' : 'mute';
  if (parties.length <= 1) {
    controls.push(held.length > 0 ? 'resume' : 'hold', mute, 'keypad', 'addParty', 'hangUp');
    return controls;
  }
  // Multi-party: Connect's hold-all, join (conference), swap and leave.
  if (talking.length > 0) controls.push('holdAll');
  if (held.length > 0) controls.push('join');
  if (held.length > 0 && talking.length > 0) controls.push('swap');
  if (talking.length === 0 && held.length > 0) controls.push('resume');
  controls.push(mute, 'keypad', 'leave', 'hangUp');
  return controls;
}

export function contactTimer(contact: ContactView): ContactTimer {
  switch (contact.phase) {
    case 'incoming':
    case 'connecting':
      return { kind: 'ringing', since: contact.phaseSince };
    case 'connected':
      return { kind: 'contact', since: contact.phaseSince };
    case 'on_hold':
      return { kind: 'hold', since: contact.call?.holdSince ?? contact.phaseSince };
    case 'after_contact_work':
      return { kind: 'after_contact_work', since: contact.phaseSince };
    default:
      return null;
  }
}

/** Ringing contacts first (oldest first), then the rest in the order Streams lists them. */
export function orderForDesk(contacts: readonly ContactView[]): ContactView[] {
  const ringing = contacts.filter(isRinging).sort((a, b) => a.phaseSince - b.phaseSince);
  return [...ringing, ...contacts.filter((contact) => !isRinging(contact))];
}

/** An incoming contact that waits for the agent (not the agent's own outbound call). */
export function isRinging(contact: ContactView): boolean {
  return (contact.phase === 'incoming' || contact.phase === 'connecting') && contact.call?.direction !== 'outbound';
}

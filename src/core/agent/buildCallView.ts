import type { ContactMasker } from '../contact/ContactMasker.ts';
import type { CallView, PartyView } from './CallView.ts';
import type { RawCall } from './RawParty.ts';

const NUMBER_FIELD = 'caller';
const SHOWN_STATES = new Set(['connecting', 'connected', 'hold']);

/**
 * The parties of a voice contact as display data. Quick connects are the instance's own names
 * and shown as they are; a number goes through the masker like the caller's.
 */
export function buildCallView(raw: RawCall, masker: ContactMasker, now: number): CallView {
  const parties: PartyView[] = raw.parties
    .filter((party) => SHOWN_STATES.has(party.state))
    .map((party) => {
      const masked =
        party.quickConnectName === null && party.phoneNumber !== null ? masker.maskAttributes({ [NUMBER_FIELD]: party.phoneNumber }).attributes[0] : undefined;
      return {
        connectionId: party.connectionId,
        role: party.initial ? ('customer' as const) : ('third_party' as const),
        label: party.quickConnectName ?? masked?.display ?? '',
        labelMasked: masked?.masked ?? false,
        state: party.state as PartyView['state'],
        since: party.stateSince ?? now,
      };
    })
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'customer' ? -1 : 1));
  const held = parties.filter((party) => party.state === 'hold');
  return {
    direction: raw.inbound ? 'inbound' : 'outbound',
    parties,
    allOnHold: parties.length > 0 && held.length === parties.length,
    holdSince: held.length === 0 ? null : Math.min(...held.map((party) => party.since)),
    muted: raw.muted,
  };
}

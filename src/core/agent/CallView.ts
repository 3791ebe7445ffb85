/** One other party on a voice contact, as the agent sees it: never a raw number. */
export interface PartyView {
  connectionId: string;
  role: 'customer' | 'third_party';
  /** A quick connect's name, or the party's number masked like the caller. */
  label: string;
  labelMasked: boolean;
  state: 'connecting' | 'connected' | 'hold';
  /** Milliseconds since epoch when the party entered its state. */
  since: number;
}

/** What the call controls need to know about a voice contact. */
export interface CallView {
  direction: 'inbound' | 'outbound';
  /** Everyone but the agent still on the call, customer first. */
  parties: PartyView[];
  /** True when every party is on hold; then the card says "On hold". */
  allOnHold: boolean;
  /** When the earliest party still on hold went on hold, or null. */
  holdSince: number | null;
  /** The agent's softphone mute; null when Streams did not say. */
  muted: boolean | null;
}

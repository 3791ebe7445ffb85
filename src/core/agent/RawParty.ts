/**
 * A non-agent connection of a voice contact as the Connect adapter flattened it. It holds a raw
 * number: it goes through `buildCallView` before anything renders it.
 */
interface RawParty {
  connectionId: string;
  initial: boolean;
  /** Streams connection state: connecting, connected, hold, disconnected, … */
  state: string;
  stateSince: number | null;
  phoneNumber: string | null;
  /** The quick connect's name as Connect reports it on the connection (or the endpoint's name). */
  quickConnectName: string | null;
}

export interface RawCall {
  inbound: boolean;
  parties: RawParty[];
  muted: boolean | null;
}

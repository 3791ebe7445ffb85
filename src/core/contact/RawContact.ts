import type { RawCall } from '../agent/RawParty.ts';

/**
 * A Streams contact flattened to plain data by the Connect adapter. It still holds raw values
 * (attributes, caller number): it must go through `buildContactView` before anything renders it,
 * and it never leaves the adapter.
 */
export interface RawContact {
  contactId: string;
  /** Streams `contact.getType()`. */
  type: string;
  /** Streams `contact.getStatus().type`. */
  state: string;
  /** Streams `contact.getStatus().timestamp` in ms, or null when unknown. */
  stateSince: number | null;
  /** Streams agent-connection state (`connecting`, `connected`, `hold`, …), or null. */
  agentConnectionState: string | null;
  queueName: string | null;
  /** The customer's phone number, raw. */
  callerNumber: string | null;
  /** `contact.getAttributes()` flattened to name → value; null when Streams withholds them. */
  attributes: Record<string, unknown> | null;
  /** Voice only: the other parties and the agent's mute, for the call controls (see buildCallView). */
  call?: RawCall | null;
}

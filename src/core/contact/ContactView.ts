/**
 * What the shell renders for one contact. Built by the Connect adapter through the core;
 * every string in here is a display string — never a raw attribute value.
 */

export type ContactChannel = 'voice' | 'queue_callback' | 'chat' | 'task' | 'email' | 'unknown';

/** The states an agent recognises, derived from the Streams contact and agent-connection state. */
export type ContactPhase = 'incoming' | 'connecting' | 'connected' | 'on_hold' | 'after_contact_work' | 'missed' | 'rejected' | 'error' | 'ended';

export interface AttributeView {
  /** The attribute's name as the agent may see it: names are masked like values (a flow can write a card number into one). */
  name: string;
  /** True when the name itself held something sensitive: it is shown masked, and nothing in it can be revealed. */
  nameMasked?: boolean;
  /** IT's label for this attribute in the card's language (policy `card.attributes`), shown instead of the name. */
  label?: string;
  /** What the agent sees: a masked form, a label, or the value when nothing sensitive was found. */
  display: string;
  /** Kinds found in the value (empty when nothing was masked). */
  kinds: string[];
  masked: boolean;
}

import type { CallView } from '../agent/CallView.ts';
import type { SecureCaptureView } from '../ivr/SecureCaptureView.ts';
import type { CallerRiskState } from '../risk/CallerRiskState.ts';

export interface ContactView {
  contactId: string;
  channel: ContactChannel;
  phase: ContactPhase;
  /** The queue's name, masked like any value. */
  queue: string | null;
  /** The caller's number as the agent may see it (masked like any other value). */
  caller: AttributeView | null;
  attributes: AttributeView[];
  /** Secure-IVR steps of this contact, as status only; their attributes are not in `attributes`. */
  secureCaptures: SecureCaptureView[];
  /** True while Streams withholds attributes (e.g. a supervisor monitoring). */
  attributesUnavailable: boolean;
  /** Milliseconds since epoch when the contact entered its current phase. */
  phaseSince: number;
  /** Voice contacts: parties, hold and mute for the call controls; null otherwise. */
  call: CallView | null;
  /** The service worker's verdict on the caller (deny list, repeat contacts); absent where nobody asked. */
  callerRisk?: CallerRiskState;
}

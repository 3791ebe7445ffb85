import { NO_CALLER_RISK } from '../core/risk/CallerRisk.ts';
import type { AssessContactRequest } from '../core/risk/assessContactRequest.ts';
import type { CallerRisk } from '../core/risk/CallerRisk.ts';
import type { CallerRiskState } from '../core/risk/CallerRiskState.ts';
import type { ContactChannel } from '../core/contact/ContactView.ts';

/** Asks the service worker about one contact (a runtime message; nothing is stored on the way). */
export type AskCallerRisk = (request: AssessContactRequest) => Promise<CallerRisk>;

export interface CallerRiskChecks {
  /** The state for this contact; the first call for a contact asks the worker. */
  stateOf(contactId: string, channel: ContactChannel, customer: string | null): CallerRiskState;
  /** Drops contacts that are gone. */
  keepOnly(contactIds: ReadonlySet<string>): void;
  dispose(): void;
}

/** Channels whose customer identifier is a phone number Connect gives: the caller ID, the callback number, an SMS chat's number. */
const CHECKED_CHANNELS: ReadonlySet<ContactChannel> = new Set(['voice', 'queue_callback', 'chat']);

/**
 * One question per contact, asked the moment the contact first appears (while it still rings).
 * The raw identifier goes into that one message and is not kept here: only the verdict is.
 */
export function createCallerRiskChecks(ask: AskCallerRisk, changed: () => void): CallerRiskChecks {
  const states = new Map<string, CallerRiskState>();
  let disposed = false;
  return {
    stateOf(contactId, channel, customer) {
      const known = states.get(contactId);
      if (known) return known;
      // A chat's customer endpoint is a number only for SMS-style chats; a web chat has none to check.
      if (!CHECKED_CHANNELS.has(channel) || (channel === 'chat' && !/\d/.test(customer ?? ''))) {
        const state: CallerRiskState = { status: 'assessed', risk: NO_CALLER_RISK };
        states.set(contactId, state);
        return state;
      }
      const pending: CallerRiskState = { status: 'pending' };
      states.set(contactId, pending);
      ask({ contactId, channel, customer }).then(
        (risk) => settle(contactId, { status: 'assessed', risk }),
        () => settle(contactId, { status: 'unavailable' }),
      );
      return pending;
    },
    keepOnly(contactIds) {
      for (const contactId of states.keys()) if (!contactIds.has(contactId)) states.delete(contactId);
    },
    dispose() {
      disposed = true;
      states.clear();
    },
  };

  function settle(contactId: string, state: CallerRiskState): void {
    if (disposed || !states.has(contactId)) return;
    states.set(contactId, state);
    changed();
  }
}

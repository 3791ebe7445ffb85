import type { AgentView } from '../core/agent/AgentView.ts';
import type { CcpHealth } from '../core/connection/ccpHealth.ts';
import type { ContactView } from '../core/contact/ContactView.ts';

/** Everything the desk renders. Only display data: the Connect adapter masked it on the way in. */
export interface DeskState {
  agent: AgentView | null;
  contacts: ContactView[];
  /**
   * Missed contacts leave the Streams snapshot right after being missed; they stay on the desk
   * until the agent dismisses them, so a missed call is never lost from view.
   */
  missed: ContactView[];
  health: CcpHealth | null;
  notice: string | null;
}

export type DeskAction =
  | { type: 'agent'; agent: AgentView }
  | { type: 'contacts'; contacts: ContactView[] }
  | { type: 'health'; health: CcpHealth }
  | { type: 'notice'; messageKey: string | null }
  | { type: 'dismissMissed'; contactId: string };

export const initialDeskState: DeskState = { agent: null, contacts: [], missed: [], health: null, notice: null };

export function deskReducer(state: DeskState, action: DeskAction): DeskState {
  switch (action.type) {
    case 'agent':
      return { ...state, agent: action.agent };
    case 'contacts': {
      const live = new Set(action.contacts.map((contact) => contact.contactId));
      const left = state.contacts.filter((contact) => !live.has(contact.contactId) && contact.phase === 'missed');
      const missed = [...state.missed.filter((contact) => !live.has(contact.contactId)), ...left];
      return { ...state, contacts: action.contacts, missed };
    }
    case 'health':
      return { ...state, health: action.health };
    case 'notice':
      return { ...state, notice: action.messageKey };
    case 'dismissMissed':
      return { ...state, missed: state.missed.filter((contact) => contact.contactId !== action.contactId) };
  }
}

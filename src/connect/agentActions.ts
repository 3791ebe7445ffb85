import type { QuickConnectView } from '../core/agent/QuickConnectView.ts';
import { followAgent, type AgentSource } from './followAgent.ts';

export interface AgentActionsListener {
  /** An action the agent asked for failed; the key names a localized message. */
  actionFailed(messageKey: string): void;
}

/** Who to add to a call: one of the instance's quick connects, or a number already checked (E.164). */
type PartyTarget = { quickConnectId: string } | { checkedNumber: string };

/** What the agent does, through Streams. Contacts are named by id; Streams objects stay here. */
export interface AgentActions {
  setAgentState(name: string): void;
  accept(contactId: string): void;
  reject(contactId: string): void;
  hangUp(contactId: string): void;
  clear(contactId: string): void;
  /** Puts every party on the line on hold (a 1:1 call's customer; all parties of a conference). */
  hold(contactId: string): void;
  /** Takes every held party off hold. */
  resume(contactId: string): void;
  mute(): void;
  unmute(): void;
  /** DTMF to the party the agent is talking to. */
  sendDigits(contactId: string, digits: string): void;
  /** Transfer or conference: Connect holds the others and calls the new party. */
  addParty(contactId: string, target: PartyTarget): void;
  /** Everyone on the call talks together. */
  join(contactId: string): void;
  /** The held party comes back, the one on the line waits. */
  swap(contactId: string): void;
  /** The agent leaves; the other parties stay connected (a warm transfer's last step). */
  leave(contactId: string): void;
  /** An outbound call to a number already checked against the dialing policy (E.164). */
  dial(checkedNumber: string): void;
  quickConnects(): Promise<QuickConnectView[]>;
  dispose(): void;
}

/** What agentActions needs from the Streams global besides the agent. */
export type ActionsApi = AgentSource & Pick<typeof connect, 'Endpoint'>;

export function startAgentActions(api: ActionsApi, findContact: (contactId: string) => connect.Contact | null, listener: AgentActionsListener): AgentActions {
  let agentRef: connect.Agent | null = null;
  let disposed = false;
  let endpoints = new Map<string, connect.Endpoint>();
  const stop = followAgent(api, (agent) => {
    agentRef = agent;
  });

  const callbacks = (messageKey: string): connect.SuccessFailOptions => ({
    failure: () => {
      if (!disposed) listener.actionFailed(messageKey);
    },
  });
  const contactFor = (contactId: string): connect.Contact | null => (disposed ? null : findContact(contactId));
  /** The other parties still on the call (customer and third parties). */
  const partiesOf = (contact: connect.Contact): connect.BaseConnection[] =>
    contact.getConnections().filter((connection) => !AGENT_SIDE.has(String(connection.getType())) && connection.isActive());
  const withContact = (contactId: string, messageKey: string, act: (contact: connect.Contact) => void): void => {
    const contact = contactFor(contactId);
    if (!contact) return listener.actionFailed(messageKey);
    try {
      act(contact);
    } catch {
      // Streams throws on a contact it is tearing down; the agent is told, nothing else breaks.
      listener.actionFailed(messageKey);
    }
  };

  return {
    setAgentState(name) {
      const target = disposed ? undefined : agentRef?.getAgentStates().find((state) => state.name === name);
      if (!agentRef || !target) return listener.actionFailed('errorStateChange');
      agentRef.setState(target, callbacks('errorStateChange'));
    },
    accept(contactId) {
      contactFor(contactId)?.accept(callbacks('errorAccept'));
    },
    reject(contactId) {
      contactFor(contactId)?.reject(callbacks('errorReject'));
    },
    hangUp(contactId) {
      // Hang up means the call ends for everyone: the other parties are dropped first, then the agent.
      withContact(contactId, 'errorHangUp', (contact) => {
        for (const party of partiesOf(contact).filter((connection) => !connection.isInitialConnection())) party.destroy(callbacks('errorHangUp'));
        contact.getAgentConnection().destroy(callbacks('errorHangUp'));
      });
    },
    clear(contactId) {
      contactFor(contactId)?.clear(callbacks('errorClear'));
    },
    hold(contactId) {
      withContact(contactId, 'errorHold', (contact) => {
        for (const party of partiesOf(contact).filter((connection) => connection.isConnected() && !connection.isOnHold())) party.hold(callbacks('errorHold'));
      });
    },
    resume(contactId) {
      withContact(contactId, 'errorResume', (contact) => {
        for (const party of partiesOf(contact).filter((connection) => connection.isOnHold())) party.resume(callbacks('errorResume'));
      });
    },
    mute() {
      if (!disposed) agentRef?.mute();
    },
    unmute() {
      if (!disposed) agentRef?.unmute();
    },
    sendDigits(contactId, digits) {
      withContact(contactId, 'errorKeypad', (contact) => {
        const talking = partiesOf(contact).find((connection) => connection.isConnected() && !connection.isOnHold());
        if (!talking) return listener.actionFailed('errorKeypad');
        talking.sendDigits(digits, callbacks('errorKeypad'));
      });
    },
    addParty(contactId, target) {
      withContact(contactId, 'errorAddParty', (contact) => {
        const endpoint = 'quickConnectId' in target ? endpoints.get(target.quickConnectId) : api.Endpoint.byPhoneNumber(target.checkedNumber);
        if (!endpoint) return listener.actionFailed('errorAddParty');
        contact.addConnection(endpoint, callbacks('errorAddParty'));
      });
    },
    join(contactId) {
      withContact(contactId, 'errorJoin', (contact) => contact.conferenceConnections(callbacks('errorJoin')));
    },
    swap(contactId) {
      withContact(contactId, 'errorSwap', (contact) => contact.toggleActiveConnections(callbacks('errorSwap')));
    },
    leave(contactId) {
      withContact(contactId, 'errorLeave', (contact) => contact.getAgentConnection().destroy(callbacks('errorLeave')));
    },
    dial(checkedNumber) {
      if (!agentRef || disposed) return listener.actionFailed('errorDial');
      agentRef.connect(api.Endpoint.byPhoneNumber(checkedNumber), callbacks('errorDial'));
    },
    quickConnects() {
      const agent = agentRef;
      if (!agent || disposed) return Promise.resolve([]);
      return new Promise((resolve) => {
        agent.getEndpoints(agent.getAllQueueARNs(), {
          success: (data) => {
            endpoints = new Map(data.endpoints.filter((endpoint) => endpoint.endpointARN).map((endpoint) => [endpoint.endpointARN, endpoint]));
            resolve(
              data.endpoints
                .filter((endpoint) => endpoint.endpointARN && endpoint.name)
                .map((endpoint) => ({ id: endpoint.endpointARN, name: endpoint.name, type: quickConnectType(String(endpoint.type)) })),
            );
          },
          failure: () => {
            if (!disposed) listener.actionFailed('errorQuickConnects');
            resolve([]);
          },
        });
      });
    },
    dispose() {
      disposed = true;
      stop();
      agentRef = null;
      endpoints = new Map();
    },
  };
}

/** Connection types that are the agent's own legs, not parties on the call. */
const AGENT_SIDE = new Set(['agent', 'monitoring']);

function quickConnectType(type: string): QuickConnectView['type'] {
  return type === 'agent' || type === 'queue' ? type : 'phone_number';
}

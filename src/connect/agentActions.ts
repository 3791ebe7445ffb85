import { followAgent, type AgentSource } from './followAgent.ts';

export interface AgentActionsListener {
  /** An action the agent asked for failed; the key names a localized message. */
  actionFailed(messageKey: string): void;
}

/** What the agent does, through Streams. Contacts are named by id; Streams objects stay here. */
export interface AgentActions {
  setAgentState(name: string): void;
  accept(contactId: string): void;
  reject(contactId: string): void;
  hangUp(contactId: string): void;
  clear(contactId: string): void;
  dispose(): void;
}

export function startAgentActions(
  api: AgentSource,
  findContact: (contactId: string) => connect.Contact | null,
  listener: AgentActionsListener,
): AgentActions {
  let agentRef: connect.Agent | null = null;
  let disposed = false;
  const stop = followAgent(api, (agent) => {
    agentRef = agent;
  });

  const callbacks = (messageKey: string): connect.SuccessFailOptions => ({
    failure: () => {
      if (!disposed) listener.actionFailed(messageKey);
    },
  });
  const contactFor = (contactId: string): connect.Contact | null => (disposed ? null : findContact(contactId));

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
      contactFor(contactId)?.getAgentConnection().destroy(callbacks('errorHangUp'));
    },
    clear(contactId) {
      contactFor(contactId)?.clear(callbacks('errorClear'));
    },
    dispose() {
      disposed = true;
      stop();
      agentRef = null;
    },
  };
}

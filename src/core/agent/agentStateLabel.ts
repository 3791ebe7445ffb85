/**
 * How an agent state is named on screen. States the instance defines (Available, Lunch, …) are
 * shown as the instance names them; Connect's system and error states have names meant for
 * machines (PendingBusy, MissedCallAgent) and get a message key saying what they mean.
 */
export type AgentStateLabel = { kind: 'named'; name: string } | { kind: 'message'; key: string };

const SYSTEM_STATE_KEYS: Readonly<Record<string, string>> = {
  PendingBusy: 'agentState_PendingBusy',
  Busy: 'agentState_Busy',
  AfterCallWork: 'agentState_AfterCallWork',
  CallingCustomer: 'agentState_CallingCustomer',
  Dialing: 'agentState_CallingCustomer',
  Joining: 'agentState_Joining',
  PendingAvailable: 'agentState_PendingAvailable',
  MissedCallAgent: 'agentState_MissedCallAgent',
  MissedCallCustomer: 'agentState_MissedCallCustomer',
  FailedConnectAgent: 'agentState_FailedConnectAgent',
  FailedConnectCustomer: 'agentState_FailedConnectCustomer',
  LineEngagedAgent: 'agentState_LineEngagedAgent',
  LineEngagedCustomer: 'agentState_LineEngagedCustomer',
  MissedQueueCallback: 'agentState_MissedCallAgent',
  BadAddressAgent: 'agentState_BadAddressAgent',
  BadAddressCustomer: 'agentState_BadAddressCustomer',
  Default: 'agentState_Error',
  Error: 'agentState_Error',
  AgentHungUp: 'agentState_AgentHungUp',
  RealtimeCommunicationError: 'agentState_Error',
};

export function agentStateLabel(state: { name: string; type: string }): AgentStateLabel {
  if (state.type === 'system' || state.type === 'error') {
    const key = SYSTEM_STATE_KEYS[state.name];
    if (key) return { kind: 'message', key };
    if (state.type === 'error') return { kind: 'message', key: 'agentState_Error' };
  }
  return { kind: 'named', name: state.name };
}

/** Every message key agentStateLabel can return, so the locales can be checked for them. */
export const AGENT_STATE_MESSAGE_KEYS: readonly string[] = [...new Set(Object.values(SYSTEM_STATE_KEYS))];

// The agent state Streams sees. Like the real CTI service, voice work overrides the chosen
// state with system states (PendingBusy while ringing, Busy on a call, AfterCallWork in ACW);
// an error state (MissedCallAgent) stays until the agent picks another state.

import type { AgentStateValue, EmulatedAgent, EmulatedContact } from '../model/types.ts';

export interface EffectiveAgentState {
  readonly name: string;
  readonly type: AgentStateValue['type'];
  readonly since: number;
  /** System states have no ARN in real snapshots. */
  readonly chosen: boolean;
}

export function effectiveAgentState(agent: EmulatedAgent, contacts: readonly EmulatedContact[]): EffectiveAgentState {
  if (agent.state.type === 'error') return { ...agent.state, chosen: true };
  const voice = contacts.filter((c) => c.type === 'voice');
  const pick = (states: readonly string[]): EmulatedContact | undefined => voice.find((c) => states.includes(c.state));
  const ringing = pick(['incoming', 'connecting']);
  if (ringing) {
    const name = ringing.initiationMethod === 'outbound' ? 'CallingCustomer' : 'PendingBusy';
    return { name, type: 'system', since: ringing.since, chosen: false };
  }
  const onCall = pick(['connected']);
  if (onCall) return { name: 'Busy', type: 'system', since: onCall.since, chosen: false };
  const inAcw = pick(['ended']);
  if (inAcw) return { name: 'AfterCallWork', type: 'system', since: inAcw.since, chosen: false };
  return { ...agent.state, chosen: true };
}

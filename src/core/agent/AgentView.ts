/** The logged-in agent as the shell shows it, and the identity roles are matched on. */
export interface AgentStateOption {
  name: string;
  /** Streams state type: routable, not_routable, offline. */
  type: string;
}

export interface AgentView {
  name: string;
  username: string;
  routingProfile: string;
  permissions: string[];
  state: AgentStateOption;
  /** When the agent entered the current state (ms since epoch), for the time-in-state clock. */
  stateSince: number | null;
  /** The softphone mute (Streams' agent mute toggle). */
  muted: boolean;
  /** States the agent may pick (Streams `getAgentStates()`). */
  selectableStates: AgentStateOption[];
}

import type { AgentView } from '../core/agent/AgentView.ts';

export function readAgentView(agent: connect.Agent, muted: boolean): AgentView {
  const configuration = agent.getConfiguration();
  const state = agent.getState();
  return {
    name: agent.getName(),
    username: configuration.username,
    routingProfile: configuration.routingProfile?.name ?? '',
    permissions: [...(configuration.permissions ?? [])],
    state: { name: state.name, type: String(state.type) },
    // Streams' own duration corrects for the server's clock skew.
    stateSince: stateSince(agent),
    muted,
    selectableStates: agent
      .getAgentStates()
      .filter((candidate) => String(candidate.type) !== 'system')
      .map((candidate) => ({ name: candidate.name, type: String(candidate.type) })),
  };
}

function stateSince(agent: connect.Agent): number | null {
  try {
    const duration = agent.getStateDuration();
    return Number.isFinite(duration) ? Date.now() - duration : null;
  } catch {
    return null;
  }
}

import type { AgentView } from '../core/agent/AgentView.ts';

export function readAgentView(agent: connect.Agent): AgentView {
  const configuration = agent.getConfiguration();
  const state = agent.getState();
  return {
    name: agent.getName(),
    username: configuration.username,
    routingProfile: configuration.routingProfile?.name ?? '',
    permissions: [...(configuration.permissions ?? [])],
    state: { name: state.name, type: String(state.type) },
    selectableStates: agent
      .getAgentStates()
      .filter((candidate) => String(candidate.type) !== 'system')
      .map((candidate) => ({ name: candidate.name, type: String(candidate.type) })),
  };
}

/** The part of the Streams global the feeds need to follow the agent. */
export type AgentSource = Pick<typeof connect, 'agent'>;

/**
 * Calls `onAgent` with the agent once Streams has one (at once if it already does) and again on
 * every snapshot. Returns what stops it: both Streams subscriptions are removed.
 */
export function followAgent(api: AgentSource, onAgent: (agent: connect.Agent) => void): () => void {
  let refresh: connect.Subscription | null = null;
  let stopped = false;
  const init = api.agent((agent) => {
    if (stopped) return;
    onAgent(agent);
    refresh?.unsubscribe();
    refresh = agent.onRefresh((refreshed) => {
      if (!stopped) onAgent(refreshed);
    });
  });
  return () => {
    stopped = true;
    init.unsubscribe();
    refresh?.unsubscribe();
  };
}

import type { AgentView } from '../../core/agent/AgentView.ts';
import { t } from '../../platform/i18n.ts';

export function AgentBar({ agent, elevated, onSetState }: { agent: AgentView | null; elevated: boolean; onSetState: (name: string) => void }) {
  if (!agent) return <header className="agent-bar" data-testid="agent-bar">{t('agentSigningIn')}</header>;
  return (
    <header className="agent-bar" data-testid="agent-bar">
      <span className="agent-name" data-testid="agent-name">{agent.name}</span>
      {elevated ? (
        <span className="elevated-badge" data-testid="elevated-view">
          {t('elevatedView')}
        </span>
      ) : null}
      <label className="agent-state">
        <span className="visually-hidden">{t('agentStateLabel')}</span>
        <select
          data-testid="agent-state"
          value={agent.state.name}
          onChange={(event) => onSetState(event.target.value)}
          aria-label={t('agentStateLabel')}
        >
          {agent.selectableStates.some((state) => state.name === agent.state.name) ? null : (
            <option value={agent.state.name}>{agent.state.name}</option>
          )}
          {agent.selectableStates.map((state) => (
            <option key={state.name} value={state.name}>
              {state.name}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

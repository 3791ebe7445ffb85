import { agentStateLabel } from '../../core/agent/agentStateLabel.ts';
import type { AgentStateOption, AgentView } from '../../core/agent/AgentView.ts';
import { formatDuration } from '../../core/agent/formatDuration.ts';
import { t } from '../../platform/i18n.ts';
import { useNow } from '../useNow.ts';

function stateName(state: AgentStateOption): string {
  const label = agentStateLabel(state);
  return label.kind === 'named' ? label.name : t(label.key);
}

export function AgentBar({ agent, elevated, onSetState }: { agent: AgentView | null; elevated: boolean; onSetState: (name: string) => void }) {
  const now = useNow(agent !== null);
  if (!agent)
    return (
      <header className="agent-bar" data-testid="agent-bar">
        <h1>{t('agentSigningIn')}</h1>
      </header>
    );
  return (
    <header className="agent-bar" data-testid="agent-bar">
      <h1 className="agent-name" data-testid="agent-name">
        {agent.name}
      </h1>
      {elevated ? (
        <span className="elevated-badge" data-testid="elevated-view">
          {t('elevatedView')}
        </span>
      ) : null}
      {agent.muted ? (
        <span className="muted-badge" data-testid="agent-muted" role="status">
          {t('mutedIndicator')}
        </span>
      ) : null}
      <label className="agent-state">
        <span className="visually-hidden">{t('agentStateLabel')}</span>
        <select data-testid="agent-state" value={agent.state.name} onChange={(event) => onSetState(event.target.value)} aria-label={t('agentStateLabel')}>
          {agent.selectableStates.some((state) => state.name === agent.state.name) ? null : <option value={agent.state.name}>{stateName(agent.state)}</option>}
          {agent.selectableStates.map((state) => (
            <option key={state.name} value={state.name}>
              {stateName(state)}
            </option>
          ))}
        </select>
      </label>
      {agent.stateSince !== null ? (
        <span className="state-timer" data-testid="state-timer" aria-label={t('timeInState')}>
          {formatDuration(now - agent.stateSince)}
        </span>
      ) : null}
    </header>
  );
}

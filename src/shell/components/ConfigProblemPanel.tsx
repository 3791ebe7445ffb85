import type { PolicyState } from '../../core/config/PolicyState.ts';
import { t } from '../../platform/i18n.ts';

type Problem = Exclude<PolicyState, { status: 'ok' }>;

/** Shown instead of the CCP when there is no usable policy: nothing is framed. */
export function ConfigProblemPanel({ state }: { state: Problem }) {
  const openOptions = () => void chrome.runtime.openOptionsPage();
  if (state.status === 'missing') {
    return (
      <section className="config-problem" data-testid="config-problem" data-status="missing">
        <h1>{t('notConfiguredTitle')}</h1>
        <p>{t('notConfiguredBody')}</p>
        <button type="button" className="primary" onClick={openOptions}>
          {t('openSettings')}
        </button>
      </section>
    );
  }
  if (state.status === 'managed-missing') {
    return (
      <section className="config-problem" data-testid="config-problem" data-status="managed-missing" role="alert">
        <h1>{t('managedMissingTitle')}</h1>
        <p>{state.message}</p>
      </section>
    );
  }
  const organization = state.status !== 'invalid-local';
  const dropped = state.status === 'dropped-managed';
  return (
    <section className="config-problem" data-testid="config-problem" data-status={state.status} role="alert">
      <h1>{t(dropped ? 'policyDroppedTitle' : organization ? 'policyInvalidTitle' : 'settingsInvalidTitle')}</h1>
      <p>{t(dropped ? 'policyDroppedBody' : organization ? 'policyInvalidBody' : 'settingsInvalidBody')}</p>
      <ul className="problems">
        {state.errors.map((problem) => (
          <li key={`${problem.pointer}:${problem.message}`}>
            <code>{problem.pointer || '/'}</code> {problem.message}
          </li>
        ))}
      </ul>
      {organization ? null : (
        <button type="button" className="primary" onClick={openOptions}>
          {t('openSettings')}
        </button>
      )}
    </section>
  );
}

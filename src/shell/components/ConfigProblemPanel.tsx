import type { ShellConfig } from '../../core/config/ShellConfig.ts';
import { t } from '../../platform/i18n.ts';

/** Shown instead of the CCP when there is no usable policy: nothing is framed. */
export function ConfigProblemPanel({ config }: { config: Exclude<ShellConfig, { status: 'ready' }> }) {
  const openOptions = () => void chrome.runtime.openOptionsPage();
  if (config.status === 'missing') {
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
  return (
    <section className="config-problem" data-testid="config-problem" data-status="invalid" role="alert">
      <h1>{t(config.source === 'organization' ? 'policyInvalidTitle' : 'settingsInvalidTitle')}</h1>
      <p>{t(config.source === 'organization' ? 'policyInvalidBody' : 'settingsInvalidBody')}</p>
      <ul className="problems">
        {config.problems.map((problem) => (
          <li key={`${problem.pointer}:${problem.message}`}>
            <code>{problem.pointer || '/'}</code> {problem.message}
          </li>
        ))}
      </ul>
      {config.source === 'local' ? (
        <button type="button" className="primary" onClick={openOptions}>
          {t('openSettings')}
        </button>
      ) : null}
    </section>
  );
}

import { useEffect, useState } from 'react';
import type { PolicyState } from '../core/config/PolicyState.ts';
import { describeSetting, type SettingSummary } from '../core/policy/describeSetting.ts';
import { t } from '../platform/i18n.ts';
import { onPolicyStateChanged, readPolicyState } from '../platform/policyState.ts';
import { InstanceForm } from './InstanceForm.tsx';

/** Shows the effective policy and who set each part; lets the agent set only what is theirs to set. */
export function OptionsApp() {
  const [state, setState] = useState<PolicyState | null>(null);
  useEffect(() => {
    void readPolicyState().then(setState);
    return onPolicyStateChanged(setState);
  }, []);

  if (!state) return <p className="muted">{t('loading')}</p>;
  const instanceSource = state.status === 'ok' ? (state.provenance['/instance'] ?? null) : null;
  const current = state.status === 'ok' ? state.policy.instance : null;
  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      {state.status === 'invalid-managed' || state.status === 'invalid-local' ? (
        <section className="error" role="alert" data-testid="policy-errors" data-status={state.status}>
          <p>{t(state.status === 'invalid-managed' ? 'policyInvalidTitle' : 'settingsInvalidTitle')}</p>
          <ul>
            {state.errors.map((error) => (
              <li key={`${error.pointer}:${error.message}`}>
                <code>{error.pointer || '/'}</code> {error.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <InstanceForm
        lockedByOrganization={instanceSource === 'organization' || state.status === 'invalid-managed'}
        source={instanceSource}
        ccpUrl={current?.ccpUrl ?? ''}
        region={current?.region ?? null}
      />
      {state.status === 'ok' ? (
        <fieldset>
          <legend>{t('effectivePolicyLegend')}</legend>
          <table className="settings" data-testid="effective-policy">
            <tbody>
              {Object.entries(state.provenance).map(([pointer, source]) => (
                <tr key={pointer} data-testid="setting" data-pointer={pointer} data-source={source}>
                  <th scope="row">
                    <code>{pointer}</code>
                  </th>
                  <td>{renderSummary(describeSetting(state.policy, pointer))}</td>
                  <td>
                    <span className={`source source-${source}`}>{t(`source_${source}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.ignoredLocal.length > 0 ? (
            <div data-testid="ignored-local">
              <p>{t('ignoredLocalTitle')}</p>
              <ul>
                {state.ignoredLocal.map((ignored) => (
                  <li key={ignored.pointer}>
                    <code>{ignored.pointer}</code> {ignored.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </fieldset>
      ) : null}
    </main>
  );
}

function renderSummary(summary: SettingSummary): string {
  return 'count' in summary ? t('entriesCount', String(summary.count)) : summary.text;
}

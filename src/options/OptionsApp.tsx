import { useEffect, useState } from 'react';
import type { PolicyState, ReadyPolicyState } from '../core/config/PolicyState.ts';
import { describeSetting } from '../core/policy/describeSetting.ts';
import type { SettingSource } from '../core/policy/mergePolicies.ts';
import { settingGroups, unitsNotGrouped, type SettingRow } from '../core/policy/settingGroups.ts';
import { t } from '../platform/i18n.ts';
import { onPolicyStateChanged, readPolicyState } from '../platform/policyState.ts';
import { InstanceForm } from './InstanceForm.tsx';
import { settingValueText } from './SettingValueText.tsx';

/** Shows the effective policy, grouped as the README groups it, and who set each part; lets the agent set only what is theirs to set. */
export function OptionsApp() {
  const [state, setState] = useState<PolicyState | null>(null);
  useEffect(() => {
    void readPolicyState().then(setState);
    return onPolicyStateChanged(setState);
  }, []);

  if (!state) return <p className="muted">{t('loading')}</p>;
  const instanceSource = state.status === 'ok' ? (state.provenance['/instance'] ?? null) : null;
  const current = state.status === 'ok' ? state.policy.instance : null;
  const organization = state.mode === 'organization';
  return (
    <main className="options">
      {organization ? null : (
        <p className="evaluation" role="status" data-testid="evaluation-mode">
          {t('evaluationMode')}
        </p>
      )}
      <h1>{t('optionsTitle')}</h1>
      <p className="lead" data-testid="what-you-can-change">
        {t(organization ? 'whatYouCanChangeOrganization' : 'whatYouCanChangeEvaluation')}
      </p>
      {state.status === 'ok' && state.delivery === 'unchecked' ? (
        <p className="warning" role="alert" data-testid="delivery-unchecked">
          {t('deliveryUnchecked')}
        </p>
      ) : null}
      {state.status === 'invalid-managed' || state.status === 'invalid-local' || state.status === 'dropped-managed' ? (
        <section className="error" role="alert" data-testid="policy-errors" data-status={state.status}>
          <p>
            {t(state.status === 'dropped-managed' ? 'policyDroppedTitle' : state.status === 'invalid-managed' ? 'policyInvalidTitle' : 'settingsInvalidTitle')}
          </p>
          <ul>
            {state.errors.map((error) => (
              <li key={`${error.pointer}:${error.message}`}>
                <code>{error.pointer || '/'}</code> {error.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {state.status === 'managed-missing' ? (
        <section className="error" role="alert" data-testid="policy-errors" data-status={state.status}>
          <p>{t('managedMissingTitle')}</p>
          <p>{state.message}</p>
        </section>
      ) : null}
      <InstanceForm
        lockedByOrganization={organization || instanceSource === 'organization'}
        source={instanceSource}
        ccpUrl={current?.ccpUrl ?? ''}
        region={current?.region ?? null}
      />
      {state.status === 'ok' ? <EffectiveSettings state={state} /> : null}
    </main>
  );
}

function EffectiveSettings({ state }: { state: ReadyPolicyState }) {
  const groups = settingGroups(state.policy);
  const others = unitsNotGrouped(Object.keys(state.provenance), groups);
  return (
    <section data-testid="effective-policy" aria-labelledby="effective-title">
      <h2 id="effective-title">{t('effectivePolicyLegend')}</h2>
      {groups.map((group) => (
        <fieldset key={group.id} data-testid="setting-group" data-group={group.id}>
          <legend>{t(`group_${group.id}`)}</legend>
          <table className="settings">
            <tbody>
              {group.rows.map((row) => (
                <SettingLine key={`${row.label}:${row.labelKind ?? ''}`} row={row} source={state.provenance[row.unit] ?? 'default'} />
              ))}
            </tbody>
          </table>
        </fieldset>
      ))}
      {others.length > 0 ? (
        <fieldset data-testid="setting-group" data-group="other">
          <legend>{t('group_other')}</legend>
          <table className="settings">
            <tbody>
              {others.map((unit) => {
                const summary = describeSetting(state.policy, unit);
                return (
                  <tr key={unit} data-testid="setting" data-pointer={unit} data-source={state.provenance[unit]}>
                    <th scope="row">{unit}</th>
                    <td>{'count' in summary ? t('entriesCount', String(summary.count)) : summary.text}</td>
                    <td className="badge-cell">
                      <SourceBadge source={state.provenance[unit] ?? 'default'} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      ) : null}
      {state.ignoredLocal.length > 0 ? (
        <div className="ignored" data-testid="ignored-local">
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
    </section>
  );
}

function SettingLine({ row, source }: { row: SettingRow; source: SettingSource }) {
  const label = row.labelKind !== undefined ? t(row.label, t(`kind_${row.labelKind}`)) : t(row.label);
  return (
    <tr
      data-testid="setting"
      data-pointer={row.unit}
      data-label={row.labelKind !== undefined ? `${row.label}:${row.labelKind}` : row.label}
      data-source={source}
    >
      <th scope="row">{label}</th>
      <td>{settingValueText(row.value)}</td>
      <td className="badge-cell">
        <SourceBadge source={source} />
      </td>
    </tr>
  );
}

function SourceBadge({ source }: { source: SettingSource }) {
  return <span className={`source source-${source}`}>{t(`source_${source}`)}</span>;
}

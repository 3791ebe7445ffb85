import type { CallerRiskState } from '../../../core/risk/CallerRiskState.ts';
import { t } from '../../../platform/i18n.ts';
import { pluralMessageKey } from './pluralMessageKey.ts';

/**
 * The caller-risk verdict on the contact card, shown while the contact rings so the agent reads
 * it before Accept: red for the deny list, amber for repeat contacts, a plain label for withheld
 * numbers. It never shows the number (the card's caller row shows it masked, as always).
 */
export function CallerRiskBanner({ state }: { state: CallerRiskState | undefined }) {
  if (!state) return null;
  if (state.status === 'pending') {
    return (
      <p className="risk-note muted" data-testid="caller-risk" data-risk="pending">
        {t('riskChecking')}
      </p>
    );
  }
  if (state.status === 'unavailable') {
    return (
      <p className="risk-banner risk-amber" role="status" data-testid="caller-risk" data-risk="unavailable">
        {t('riskUnavailable')}
      </p>
    );
  }
  const { risk } = state;
  const language = chrome.i18n.getUILanguage();
  return (
    <>
      {risk.denyListed ? (
        <div className="risk-banner risk-red" role="alert" data-testid="caller-risk" data-risk="deny-listed">
          <strong>{t('riskDenyListed')}</strong>
          <span className="risk-hint">{t('riskDenyListedHint')}</span>
        </div>
      ) : null}
      {risk.repeat ? (
        <div className="risk-banner risk-amber" role="alert" data-testid="caller-risk" data-risk="repeat" data-ordinal={risk.repeat.ordinal}>
          {t('riskRepeat', [
            t(pluralMessageKey('ordinal', risk.repeat.ordinal, 'ordinal', language), String(risk.repeat.ordinal)),
            t(pluralMessageKey('riskWindowMinutes', risk.repeat.windowMinutes, 'cardinal', language), String(risk.repeat.windowMinutes)),
          ])}
        </div>
      ) : null}
      {risk.check === 'withheld' ? (
        <p className="risk-note" data-testid="caller-risk" data-risk="withheld">
          {t('riskWithheld')}
        </p>
      ) : null}
      {risk.check === 'unrecognized' && !risk.repeat ? (
        <p className="risk-note muted" data-testid="caller-risk" data-risk="unrecognized">
          {t('riskUnrecognized')}
        </p>
      ) : null}
    </>
  );
}

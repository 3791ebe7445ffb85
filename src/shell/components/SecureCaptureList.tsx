import type { SecureCaptureView } from '../../core/ivr/SecureCaptureView.ts';
import { t } from '../../platform/i18n.ts';
import { pluralMessageKey } from './risk/pluralMessageKey.ts';

/**
 * Secure-IVR steps as status chips: the agent learns that a card was captured, never the card
 * (nor its ciphertext). Each chip says how many attempts the flow made, when the status last
 * changed and why it failed; supervisors also see the attempt history. The chips follow the flow
 * live: every snapshot of the contact re-derives them.
 */
export function SecureCaptureList({ captures, showHistory = false }: { captures: SecureCaptureView[]; showHistory?: boolean }) {
  if (captures.length === 0) return null;
  const language = chrome.i18n.getUILanguage();
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <ul className="secure-captures" aria-label={t('secureCapturesTitle')}>
      {captures.map((capture) => (
        <li
          key={capture.label}
          className={`secure-capture capture-${capture.status}${capture.plaintextIncident ? ' capture-incident' : ''}`}
          data-testid="secure-capture"
          data-status={capture.status}
          data-attempts={capture.attempts}
          data-incident={capture.plaintextIncident ? 'true' : undefined}
        >
          {/* With plaintext in the field, "captured, encrypted" would be untrue: the warning replaces the status. */}
          <span className="capture-label">{capture.label}</span>{' '}
          <span data-testid="capture-status">{capture.plaintextIncident ? t('capturePlaintext') : t(`capture_${capture.status}`)}</span>
          <span className="capture-facts" data-testid="capture-facts">
            {capture.attempts > 0 ? (
              <span className="chip">{t(pluralMessageKey('captureAttempts', capture.attempts, 'cardinal', language), String(capture.attempts))}</span>
            ) : null}
            <span className="chip">{t('captureLastChange', time.format(capture.lastChangedAt))}</span>
            {capture.failureReason ? (
              <span className="chip" data-testid="capture-reason">
                {t('captureFailureReason', capture.failureReason)}
              </span>
            ) : null}
          </span>
          {capture.plaintextIncident ? (
            <span className="capture-warning" role="alert">
              {t('capturePlaintextIncident')}
            </span>
          ) : capture.status === 'value_missing' ? (
            <span className="capture-warning" role="alert" data-testid="capture-flow-problem">
              {t('captureValueMissingHint')}
            </span>
          ) : null}
          {showHistory && capture.history.length > 0 ? (
            <ol className="capture-history" aria-label={t('captureHistory')} data-testid="capture-history">
              {capture.history.map((change, index) => (
                <li key={index} data-status={change.status}>
                  <span className="chip">{t(`capture_${change.status}`)}</span>{' '}
                  <time dateTime={new Date(change.at).toISOString()}>{time.format(change.at)}</time>
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

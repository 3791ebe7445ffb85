import type { SecureCaptureView } from '../../core/ivr/SecureCaptureView.ts';
import { t } from '../../platform/i18n.ts';

/** Secure-IVR steps as status only: the agent learns that a card was captured, never the card. */
export function SecureCaptureList({ captures }: { captures: SecureCaptureView[] }) {
  if (captures.length === 0) return null;
  return (
    <ul className="secure-captures" aria-label={t('secureCapturesTitle')}>
      {captures.map((capture) => (
        <li
          key={capture.label}
          className={`secure-capture capture-${capture.status}${capture.plaintextIncident ? ' capture-incident' : ''}`}
          data-testid="secure-capture"
          data-status={capture.status}
          data-incident={capture.plaintextIncident ? 'true' : undefined}
        >
          {/* With plaintext in the field, "captured, encrypted" would be untrue: the warning replaces the status. */}
          <span className="capture-label">{capture.label}</span> <span>{capture.plaintextIncident ? t('capturePlaintext') : t(`capture_${capture.status}`)}</span>
          {capture.plaintextIncident ? (
            <span className="capture-warning" role="alert">
              {t('capturePlaintextIncident')}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

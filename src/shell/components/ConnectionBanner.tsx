import type { CcpHealth } from '../../core/connection/ccpHealth.ts';
import { t } from '../../platform/i18n.ts';

/** Says plainly when Amazon Connect is not answering; silent while all is well. */
export function ConnectionBanner({ health }: { health: CcpHealth | null }) {
  const status = health?.status ?? 'starting';
  if (status === 'connected') return null;
  const key = {
    starting: 'ccpStarting',
    unreachable: 'ccpUnreachable',
    signed_out: 'ccpSignedOut',
    gave_up: 'ccpGaveUp',
    origin_violation: 'ccpOriginViolation',
  }[status];
  return (
    <div className={`banner banner-${status}${status === 'origin_violation' ? ' banner-error' : ''}`} role={status === 'starting' ? 'status' : 'alert'} data-testid="ccp-status" data-status={status}>
      <span>{t(key)}</span>
      {status === 'gave_up' || status === 'origin_violation' ? (
        <button type="button" onClick={() => location.reload()}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

import type { CcpHealth, FramingRefusal } from '../../core/connection/ccpHealth.ts';
import { t } from '../../platform/i18n.ts';

const MESSAGE_KEYS = {
  starting: 'ccpStarting',
  unreachable: 'ccpUnreachable',
  signed_out: 'ccpSignedOut',
  gave_up: 'ccpGaveUp',
  origin_violation: 'ccpOriginViolation',
  not_approved: 'ccpNotApprovedTitle',
} as const;

/** Problems a page reload can get past once the cause is gone. */
const RETRYABLE = new Set<CcpHealth['status']>(['unreachable', 'gave_up', 'origin_violation', 'not_approved']);

/** Says plainly when Amazon Connect is not answering, or refuses to be framed; silent while all is well. */
export function ConnectionBanner({ health }: { health: CcpHealth | null }) {
  const status = health?.status ?? 'starting';
  if (status === 'connected') return null;
  const error = status === 'origin_violation' || status === 'not_approved';
  return (
    <div
      className={`banner banner-${status}${error ? ' banner-error' : ''}`}
      role={status === 'starting' ? 'status' : 'alert'}
      data-testid="ccp-status"
      data-status={status}
      data-refused-by={health?.refusal?.by}
    >
      <span>
        {t(MESSAGE_KEYS[status])}
        {status === 'not_approved' && health?.refusal ? <RefusalFix refusal={health.refusal} /> : null}
      </span>
      {RETRYABLE.has(status) ? (
        <button type="button" data-testid="ccp-retry" onClick={() => location.reload()}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

/** The IT step, with the exact origin to add: the agent forwards it, IT does it once. */
function RefusalFix({ refusal }: { refusal: FramingRefusal }) {
  const origin = location.origin;
  return (
    <span className="refusal-fix" data-testid="ccp-refusal-fix">
      {' '}
      {refusal.by === 'frame_ancestors' ? t('ccpNotApprovedFix') : t('ccpXFrameOptionsFix', refusal.value)} <code data-testid="extension-origin">{origin}</code>
    </span>
  );
}

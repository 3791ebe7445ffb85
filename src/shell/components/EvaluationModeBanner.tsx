import { t } from '../../platform/i18n.ts';

/**
 * Always on screen in evaluation mode (installed by hand, no managed policy): whoever uses this
 * browser can change every setting, so nobody should mistake it for a protected desktop.
 */
export function EvaluationModeBanner() {
  return (
    <p className="banner banner-evaluation" role="status" data-testid="evaluation-mode">
      {t('evaluationMode')}
    </p>
  );
}

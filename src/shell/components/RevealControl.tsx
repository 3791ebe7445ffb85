import { useState, type FormEvent } from 'react';
import type { SensitiveKind } from '../../core/policy/Policy.ts';
import { t } from '../../platform/i18n.ts';

/**
 * The supervisor's "Reveal" button for one kind, and the typed reason the policy may require
 * before it works. With several revealable kinds in one value each button names its kind.
 */
export function RevealControl({
  kind,
  named,
  reasonRequired,
  onReveal,
}: {
  kind: SensitiveKind;
  named: boolean;
  reasonRequired: boolean;
  onReveal: (reason: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (!asking) {
    return (
      <button type="button" className="link-button" data-testid="reveal" data-kind={kind} onClick={() => (reasonRequired ? setAsking(true) : onReveal(''))}>
        {named ? t('revealKind', t(`kind_${kind}`)) : t('reveal')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') return;
    onReveal(reason.trim());
    setAsking(false);
    setReason('');
  };
  return (
    <form className="reveal-form" onSubmit={submit}>
      <input
        data-testid="reveal-reason"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        placeholder={t('revealReasonPlaceholder')}
        aria-label={t('revealReasonPlaceholder')}
        maxLength={500}
        required
        autoFocus
      />
      <button type="submit" data-testid="reveal-confirm" disabled={reason.trim() === ''}>
        {t('revealConfirm')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </form>
  );
}

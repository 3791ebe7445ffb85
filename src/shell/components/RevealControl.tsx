import { useState, type FormEvent } from 'react';
import { t } from '../../platform/i18n.ts';

/** The supervisor's "Reveal" button, and the typed reason the policy may require before it works. */
export function RevealControl({ reasonRequired, onReveal }: { reasonRequired: boolean; onReveal: (reason: string) => void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (!asking) {
    return (
      <button type="button" className="link-button" data-testid="reveal" onClick={() => (reasonRequired ? setAsking(true) : onReveal(''))}>
        {t('reveal')}
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

import { useState } from 'react';
import type { DialingRules } from '../../core/dialing/checkOutboundNumber.ts';
import { t } from '../../platform/i18n.ts';
import { CheckedNumberForm } from './CheckedNumberForm.tsx';

/** The outbound call box: a checked number, confirmed in international format, then Streams dials. */
export function DialBox({ rules, onDial }: { rules: DialingRules; onDial: (e164: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="dial-box" aria-label={t('dialTitle')}>
      <button type="button" data-testid="dial-open" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('dialTitle')}
      </button>
      {open ? (
        <CheckedNumberForm
          rules={rules}
          label={t('dialNumberLabel')}
          confirmKey="dialConfirm"
          testId="dial"
          onConfirmed={(e164) => {
            onDial(e164);
            setOpen(false);
          }}
        />
      ) : null}
    </section>
  );
}

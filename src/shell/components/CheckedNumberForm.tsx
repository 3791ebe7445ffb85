import { useState, type FormEvent } from 'react';
import { checkOutboundNumber, type DialingRules, type OutboundNumberCheck } from '../../core/dialing/checkOutboundNumber.ts';
import { t } from '../../platform/i18n.ts';

/**
 * A typed phone number, checked against the dialing policy before anything reaches Streams. A
 * valid number is shown in international format and only a second, explicit click uses it.
 */
export function CheckedNumberForm({
  rules,
  label,
  confirmKey,
  testId,
  onConfirmed,
}: {
  rules: DialingRules;
  label: string;
  /** Message key of the confirm button; `$1` is the number in international format. */
  confirmKey: string;
  testId: string;
  onConfirmed: (e164: string) => void;
}) {
  const [typed, setTyped] = useState('');
  const [check, setCheck] = useState<OutboundNumberCheck | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCheck(checkOutboundNumber(typed, rules));
  };
  return (
    <form className="number-form" data-testid={testId} onSubmit={submit}>
      <label>
        <span>{label}</span>
        <input
          data-testid={`${testId}-input`}
          value={typed}
          inputMode="tel"
          autoComplete="off"
          onChange={(event) => {
            setTyped(event.target.value);
            setCheck(null);
          }}
        />
      </label>
      <button type="submit" data-testid={`${testId}-check`}>
        {t('checkNumber')}
      </button>
      {check?.ok === false ? (
        <p className="number-refused" role="alert" data-testid={`${testId}-refused`} data-reason={check.reason}>
          {t(`dialRefused_${check.reason}`, check.country ?? '')}
        </p>
      ) : null}
      {check?.ok === true ? (
        <button
          type="button"
          className="primary"
          data-testid={`${testId}-confirm`}
          onClick={() => {
            onConfirmed(check.e164);
            setTyped('');
            setCheck(null);
          }}
        >
          {t(confirmKey, check.international)}
        </button>
      ) : null}
    </form>
  );
}

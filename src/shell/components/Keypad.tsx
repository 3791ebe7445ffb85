import { t } from '../../platform/i18n.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** DTMF keys: each press is sent at once, like a phone's keypad (IVR menus expect that). */
export function Keypad({ onDigit }: { onDigit: (digit: string) => void }) {
  return (
    <div className="keypad" role="group" aria-label={t('keypad')} data-testid="keypad">
      {KEYS.map((key) => (
        <button key={key} type="button" data-testid={`key-${key}`} onClick={() => onDigit(key)}>
          {key}
        </button>
      ))}
    </div>
  );
}

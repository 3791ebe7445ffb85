import { useEffect, useState } from 'react';
import type { DialingRules } from '../../core/dialing/checkOutboundNumber.ts';
import { searchQuickConnects, type QuickConnectView } from '../../core/agent/QuickConnectView.ts';
import { t } from '../../platform/i18n.ts';
import { CheckedNumberForm } from './CheckedNumberForm.tsx';

export type PickedParty = { quickConnectId: string } | { checkedNumber: string };

/**
 * Transfer or conference: the instance's quick connects, searchable, or a typed number that the
 * dialing policy checks first. Quick connects are the organization's own and go as they are.
 */
export function PartyPicker({
  rules,
  loadQuickConnects,
  onPick,
}: {
  rules: DialingRules;
  loadQuickConnects: () => Promise<QuickConnectView[]>;
  onPick: (party: PickedParty) => void;
}) {
  const [quickConnects, setQuickConnects] = useState<QuickConnectView[] | null>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    let live = true;
    void loadQuickConnects().then((list) => live && setQuickConnects(list));
    return () => {
      live = false;
    };
  }, [loadQuickConnects]);
  const shown = searchQuickConnects(quickConnects ?? [], query);
  return (
    <div className="party-picker" data-testid="party-picker">
      <label>
        <span>{t('quickConnectSearch')}</span>
        <input data-testid="quick-connect-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      {quickConnects === null ? (
        <p className="muted" data-testid="quick-connects-loading">
          {t('loading')}
        </p>
      ) : null}
      <ul className="quick-connects">
        {shown.map((quickConnect) => (
          <li key={quickConnect.id}>
            <button type="button" data-testid="quick-connect" data-name={quickConnect.name} onClick={() => onPick({ quickConnectId: quickConnect.id })}>
              {quickConnect.name}
              <span className="kind">{t(`quickConnect_${quickConnect.type}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {quickConnects !== null && shown.length === 0 ? <p className="muted">{t('quickConnectNone')}</p> : null}
      <CheckedNumberForm
        rules={rules}
        label={t('transferNumberLabel')}
        confirmKey="transferConfirm"
        testId="transfer-number"
        onConfirmed={(e164) => onPick({ checkedNumber: e164 })}
      />
    </div>
  );
}

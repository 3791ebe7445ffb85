import { useEffect, useMemo, useState } from 'react';
import { ccpInstanceOf, type PolicyState } from '../core/config/PolicyState.ts';
import { failClosedMasker } from '../core/contact/failClosedMasker.ts';
import { t } from '../platform/i18n.ts';
import { onPolicyStateChanged, readPolicyState } from '../platform/policyState.ts';
import { ConfigProblemPanel } from './components/ConfigProblemPanel.tsx';
import { Desk } from './components/Desk.tsx';
import { shellMasker } from './shellMasker.ts';

export function ShellApp({ layout }: { layout: 'panel' | 'tab' }) {
  const [state, setState] = useState<PolicyState | null>(null);

  useEffect(() => {
    let current: PolicyState | null = null;
    const apply = (next: PolicyState) => {
      // Streams embeds one CCP per window for the page's lifetime: another instance, or a policy
      // that no longer allows one, needs a fresh page.
      if (current?.status === 'ok' && (next.status !== 'ok' || next.policy.instance.ccpUrl !== current.policy.instance.ccpUrl)) {
        location.reload();
        return;
      }
      current = next;
      setState(next);
    };
    void readPolicyState().then(apply);
    return onPolicyStateChanged(apply);
  }, []);

  const policy = state?.status === 'ok' ? state.policy : null;
  const masker = useMemo(() => (policy ? shellMasker(policy) : failClosedMasker), [policy]);
  // The CCP frame must not restart when an unrelated policy setting changes: only the URL counts.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const instance = useMemo(() => (policy ? ccpInstanceOf(policy) : null), [policy?.instance.ccpUrl]);

  if (!state) return <p className="muted">{t('loading')}</p>;
  if (state.status !== 'ok' || !policy || !instance) return state.status === 'ok' ? null : <ConfigProblemPanel state={state} />;
  return <Desk instance={instance} policy={policy} masker={masker} layout={layout} />;
}

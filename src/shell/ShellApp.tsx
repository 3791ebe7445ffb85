import { useEffect, useMemo, useState } from 'react';
import { ccpInstanceOf, instanceInForceOf, policyInForceOf, type PolicyState } from '../core/config/PolicyState.ts';
import { failClosedMasker } from '../core/contact/failClosedMasker.ts';
import { offersInstanceChoice, organizationInstances } from '../core/instances/organizationInstances.ts';
import { t } from '../platform/i18n.ts';
import { onPolicyStateChanged, readPolicyState } from '../platform/policyState.ts';
import { ConfigProblemPanel } from './components/ConfigProblemPanel.tsx';
import { Desk } from './components/Desk.tsx';
import { EvaluationModeBanner } from './components/EvaluationModeBanner.tsx';
import { InstancePicker } from './components/instancePicker/InstancePicker.tsx';
import { shellMasker } from './shellMasker.ts';

/** The CCP URL this page embeds, or null while it embeds none (no usable policy, or the agent has yet to pick). */
function embeddedCcpUrl(state: PolicyState): string | null {
  if (state.status !== 'ok') return null;
  const inForce = instanceInForceOf(state);
  return inForce.chosen || !offersInstanceChoice(state.policy) ? inForce.instance.ccpUrl : null;
}

export function ShellApp({ layout }: { layout: 'panel' | 'tab' }) {
  const [state, setState] = useState<PolicyState | null>(null);

  useEffect(() => {
    let current: PolicyState | null = null;
    const apply = (next: PolicyState) => {
      // Streams embeds one CCP per window for the page's lifetime, and the frame guard's frame-src
      // cannot be lifted: another instance (a policy change, or the agent's pick), or a policy that
      // no longer allows one, needs a fresh page.
      if (current !== null && embeddedCcpUrl(current) !== null && embeddedCcpUrl(next) !== embeddedCcpUrl(current)) {
        location.reload();
        return;
      }
      current = next;
      setState(next);
    };
    void readPolicyState().then(apply);
    return onPolicyStateChanged(apply);
  }, []);

  const ready = state?.status === 'ok' ? state : null;
  // What this desk enforces: the organization's policy with the instance in force as its only instance.
  const policy = useMemo(() => (ready ? policyInForceOf(ready) : null), [ready]);
  const masker = useMemo(() => (policy ? shellMasker(policy) : failClosedMasker), [policy]);
  // The CCP frame must not restart when an unrelated policy setting changes: only the URL counts.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const instance = useMemo(() => (policy ? ccpInstanceOf(policy) : null), [policy?.instance.ccpUrl]);

  if (!state) return <p className="muted">{t('loading')}</p>;
  const banner = state.mode === 'evaluation' ? <EvaluationModeBanner /> : null;
  if (state.status !== 'ok' || !ready || !policy || !instance)
    return state.status === 'ok' ? (
      banner
    ) : (
      <>
        {banner}
        <ConfigProblemPanel state={state} />
      </>
    );
  const choice = offersInstanceChoice(ready.policy) ? { instances: organizationInstances(ready.policy), inForce: instanceInForceOf(ready) } : null;
  // With alternates, the agent picks before any CCP is embedded (a remembered pick counts).
  if (choice !== null && !choice.inForce.chosen)
    return (
      <>
        {banner}
        <InstancePicker instances={choice.instances} current={choice.inForce.instance} />
      </>
    );
  return (
    <>
      {banner}
      <Desk
        instance={instance}
        policy={policy}
        masker={masker}
        layout={layout}
        {...(choice === null ? {} : { instanceChoice: { instances: choice.instances, current: choice.inForce.instance } })}
      />
    </>
  );
}

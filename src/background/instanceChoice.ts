import { buildAuditEvent } from '../core/audit/buildAuditEvent.ts';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { instanceInForceOf, type PolicyState } from '../core/config/PolicyState.ts';
import { checkInstanceSwitch } from '../core/instances/checkInstanceSwitch.ts';
import { rememberedInstance } from '../core/instances/instanceInForce.ts';
import type { InstanceChoiceResponse } from '../core/messaging/workerRequests.ts';
import { writeChosenInstance } from '../platform/policySources.ts';

/**
 * The worker's side of the instance picker: the agent's pick is checked against the policy the
 * worker holds (never the page's), refused while a contact is live, stored, and the verdict
 * recomputed before the answer, so the network rules already name the new instance when any
 * desk reloads onto it.
 */
export async function chooseInstance(
  ccpUrl: string,
  deps: { current(): Promise<PolicyState>; refresh(): Promise<PolicyState>; contactLive(): boolean; audit(event: AuditEvent): void },
): Promise<InstanceChoiceResponse> {
  const state = await deps.current();
  if (state.status !== 'ok') return { result: 'refused', reason: 'no_policy' };
  const verdict = checkInstanceSwitch(state.policy, ccpUrl, deps.contactLive());
  if (!verdict.ok) return { result: 'refused', reason: verdict.reason };
  const before = instanceInForceOf(state).instance;
  await writeChosenInstance(rememberedInstance(verdict.instance));
  if (before.ccpUrl !== verdict.instance.ccpUrl) {
    deps.audit(buildAuditEvent('instance.switched', { from: new URL(before.ccpUrl).origin, to: new URL(verdict.instance.ccpUrl).origin }));
  }
  await deps.refresh();
  return { result: 'chosen' };
}

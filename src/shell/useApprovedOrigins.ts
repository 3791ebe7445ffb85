import { useEffect, useState } from 'react';
import { createApprovedOrigins, type ApprovedOrigins } from '../core/origins/ApprovedOrigins.ts';
import { approvedOriginsFromEffectivePolicy } from '../core/origins/approvedOriginsFromEffectivePolicy.ts';
import type { PolicyState } from '../core/config/PolicyState.ts';
import { onPolicyStateChanged, readPolicyState } from '../platform/policyState.ts';

const NOTHING_APPROVED: ApprovedOrigins = createApprovedOrigins({ instanceOrigins: [], approvedOrigins: [] });

function approvedFor(state: PolicyState): ApprovedOrigins {
  return state.status === 'ok' ? approvedOriginsFromEffectivePolicy(state.policy) : NOTHING_APPROVED;
}

/**
 * The origins links may open, from the policy the service worker published; follows policy
 * changes live. Until the policy is known, and whenever it is not valid, nothing is approved.
 */
export function useApprovedOrigins(): ApprovedOrigins {
  const [approved, setApproved] = useState<ApprovedOrigins>(NOTHING_APPROVED);
  useEffect(() => {
    let live = true;
    const apply = (state: PolicyState): void => {
      if (live) setApproved(approvedFor(state));
    };
    readPolicyState().then(apply, () => undefined);
    const stop = onPolicyStateChanged(apply);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return approved;
}

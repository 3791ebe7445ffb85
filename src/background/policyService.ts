import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { buildAuditEvent } from '../core/audit/buildAuditEvent.ts';
import type { PolicyState } from '../core/config/PolicyState.ts';
import { policyStateForPages } from '../core/config/policyStateForPages.ts';
import { canonicalJson } from '../core/policy/integrity/canonicalJson.ts';
import { deploymentModeOf, mergePolicies, type DeploymentMode } from '../core/policy/mergePolicies.ts';
import { patternSourcesOf } from '../core/policy/regexSafetyCache.ts';
import { readPolicySources } from '../platform/policySources.ts';
import { STORAGE_KEYS } from '../core/storage/storageKeys.ts';
import { instanceInForce, rememberedInstance, type RememberedInstance } from '../core/instances/instanceInForce.ts';
import type { EffectivePolicy } from '../core/policy/EffectivePolicy.ts';
import { regexSafetyFor } from './regexSafety/regexSafetyVerdicts.ts';
import { markStartup } from './startupMarks.ts';

const INVALID_AUDITED_KEY = STORAGE_KEYS.session.invalidPolicyAudited;
const VALIDATED_INPUT_KEY = STORAGE_KEYS.session.validatedPolicyInput;
const POLICY_STATE_KEY = STORAGE_KEYS.session.policyState;

/**
 * Reads the managed and local policy, merges them (managed wins) and publishes the verdict in
 * session storage for the pages. Runs at start and on every change: a new policy applies live.
 */
export function startPolicyService(listeners: {
  /** Enforces the state (network rules) before any page sees it: pages never run ahead of the rules. */
  state(state: PolicyState): Promise<void>;
  audit(event: AuditEvent): void;
  /**
   * What must finish before the first verdict (the storage migration). It yields the worker's
   * start-up read of local storage when that is still current, which the first verdict then uses
   * instead of reading the same keys again.
   */
  after: Promise<Record<string, unknown> | null>;
}): {
  refresh(): Promise<PolicyState>;
  /** The latest verdict: the one being computed, or the last one computed. */
  current(): Promise<PolicyState>;
  /** Settles once the first verdict is computed and its network rules are installed. */
  ready: Promise<PolicyState>;
  /** The deployment mode of the latest verdict (`organization` until the first one: the stricter guess). */
  mode(): DeploymentMode;
} {
  // Derived from each verdict, which a woken worker computes again first: no state to keep.
  let mode: DeploymentMode = 'organization';
  let running: Promise<PolicyState> | null = null;
  let startupLocal: Record<string, unknown> | undefined;
  // Read at once, beside the start-up read of local storage: the hash of the input last validated,
  // and the verdict pages were last shown (the first verdict need not publish the same one again).
  const sessionRead = chrome.storage.session.get([VALIDATED_INPUT_KEY, POLICY_STATE_KEY]).catch((): Record<string, unknown> => ({}));
  const validatedInput = sessionRead.then((stored) => stored[VALIDATED_INPUT_KEY]);
  let publishedBefore: Promise<unknown> | undefined = sessionRead.then((stored) => stored[POLICY_STATE_KEY]);

  const compute = async (): Promise<PolicyState> => {
    // Only the first verdict may use the start-up read; a change after it arrives as onChanged and a new compute.
    const localRead = startupLocal;
    startupLocal = undefined;
    const { managed, local, installedByPolicy, chosenInstance } = await readPolicySources(localRead);
    markStartup('sources-read');
    // Kept verdicts, or an analysis off the worker for patterns this browser has not seen.
    const regexSafety = await regexSafetyFor([...patternSourcesOf(managed), ...patternSourcesOf(local)], localRead);
    markStartup('regex-safety');
    // At a wake, the validators (generated ajv code, the dearest step) are skipped for the exact input
    // that passed them before: everything the verdict depends on is in the hash, kept in session
    // storage (gone with the browser session, an update or a reload of the extension).
    const inputHash =
      localRead === undefined
        ? null
        : await digest(
            JSON.stringify([
              chrome.runtime.getManifest().version,
              managed ?? null,
              local ?? null,
              installedByPolicy,
              localRead[STORAGE_KEYS.local.regexSafetyVerdicts] ?? null,
            ]),
          );
    const validatedBefore = inputHash !== null && inputHash === (await validatedInput);
    const merged = mergePolicies(managed, local, { regexSafety, installedByPolicy, validatedBefore });
    if (inputHash !== null && !validatedBefore && merged.status === 'ok')
      chrome.storage.session.set({ [VALIDATED_INPUT_KEY]: inputHash }).catch(() => undefined);
    const state: PolicyState = {
      ...merged,
      checkedAt: new Date().toISOString(),
      mode: deploymentModeOf(managed, installedByPolicy),
      ...(merged.status === 'ok' ? { chosenInstance: chosenInstanceOf(merged.policy, chosenInstance) } : {}),
    };
    mode = state.mode;
    markStartup('verdict');
    // A rule set Chrome refuses is already replaced by the block-everything set; publish regardless.
    await listeners.state(state).catch(() => undefined);
    markStartup('rules-installed');
    // Only the first verdict compares with the start-up read: a woken worker whose verdict is the one
    // pages already hold (all but the time it was checked) leaves it, so open pages are not told of
    // a change that is none. Any later verdict is written: storage may have moved since that read.
    const forPages = policyStateForPages(state);
    const before = publishedBefore;
    publishedBefore = undefined;
    if (before === undefined || !sameForPages(await before, forPages)) await chrome.storage.session.set({ [POLICY_STATE_KEY]: forPages });
    markStartup('published');
    if (state.status === 'invalid-managed' || state.status === 'invalid-local' || state.status === 'dropped-managed' || state.status === 'managed-missing') {
      const pointers = state.status === 'managed-missing' ? [''] : state.errors.map((error) => error.pointer);
      // Kept in session storage (a digest: messages may quote the document) so a woken worker does not audit it again.
      const signature = await digest(
        `${state.status}:${state.status === 'managed-missing' ? state.message : state.errors.map((error) => `${error.pointer} ${error.message}`).join('|')}`,
      );
      const audited = (await chrome.storage.session.get(INVALID_AUDITED_KEY))[INVALID_AUDITED_KEY];
      if (signature !== audited) {
        await chrome.storage.session.set({ [INVALID_AUDITED_KEY]: signature });
        const at = Date.parse(state.checkedAt);
        listeners.audit(
          state.status === 'dropped-managed'
            ? buildAuditEvent('policy.values_dropped', { pointers }, at)
            : buildAuditEvent('policy.invalid', { source: state.status === 'invalid-local' ? 'local' : 'organization', pointers }, at),
        );
      }
    } else {
      // Not awaited: nothing this verdict enforces depends on it, and storage applies one
      // context's writes in order, so a later invalid verdict's read and write come after it.
      chrome.storage.session.remove(INVALID_AUDITED_KEY).catch(() => undefined);
    }
    return state;
  };

  // Changes can arrive in bursts (managed policy refresh writes several keys); compute once at a time.
  const refresh = (): Promise<PolicyState> => {
    running = (running ?? Promise.resolve()).then(compute, compute);
    return running;
  };

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && (STORAGE_KEYS.local.localPolicy in changes || STORAGE_KEYS.local.chosenInstance in changes))) void refresh();
  });
  const ready = listeners.after.then((localRead) => {
    // A change that arrived meanwhile already started a verdict from a fresher read: then read again.
    startupLocal = running === null ? (localRead ?? undefined) : undefined;
    return refresh();
  }, refresh);
  return { refresh, current: () => running ?? refresh(), ready, mode: () => mode };
}

/** The stored choice as pages get it: only when it names an instance this policy lists. */
function chosenInstanceOf(policy: EffectivePolicy, stored: unknown): RememberedInstance | null {
  const inForce = instanceInForce(policy, stored);
  return inForce.chosen ? rememberedInstance(inForce.instance) : null;
}

/**
 * The same verdict for pages, whenever it was checked: the same JSON without `checkedAt`, whatever
 * the key order (Chrome's storage hands objects back with their keys sorted). Anything it cannot
 * compare is different: the verdict is written again.
 */
function sameForPages(stored: unknown, next: PolicyState): boolean {
  if (typeof stored !== 'object' || stored === null) return false;
  const { checkedAt: _storedAt, ...storedRest } = stored as Record<string, unknown>;
  const { checkedAt: _nextAt, ...nextRest } = next;
  void _storedAt;
  void _nextAt;
  try {
    return canonicalJson(storedRest) === canonicalJson(nextRest);
  } catch {
    return false;
  }
}

async function digest(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

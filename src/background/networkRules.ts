import type { PolicyState } from '../core/config/PolicyState.ts';
import type { DnrRule } from '../core/origins/DnrRule.ts';
import { failClosedNetworkRules, networkRulesForPolicyState } from '../core/origins/networkRulesForPolicyState.ts';
import { sameDnrRules } from '../core/origins/sameDnrRules.ts';
import { STORAGE_KEYS } from '../core/storage/storageKeys.ts';
import { markStartup } from './startupMarks.ts';

const INSTALLED_KEY = STORAGE_KEYS.session.installedNetworkRules;

let queue: Promise<void> = Promise.resolve();

/**
 * Replaces the extension's dynamic declarativeNetRequest rules with the ones the policy state
 * calls for, in one `updateDynamicRules` call (atomic: there is no moment without the block
 * rule). Dynamic rules persist across browser restarts, so a page opened before the worker runs
 * is restricted by the last policy; an unchanged set is left as it is. Calls are queued: two quick policy changes cannot interleave.
 * If Chrome refuses the rule set, only the block-everything rule is installed (fail closed).
 *
 * `installed`: the kept digest of the installed set, when the caller read it already (the
 * worker's start-up read, beside its other reads); otherwise it is read here.
 */
export function applyNetworkRules(state: PolicyState | null, installed?: Promise<string | null>): Promise<void> {
  queue = queue.then(
    () => replaceRules(networkRulesForPolicyState(state, chrome.runtime.id), installed),
    () => replaceRules(networkRulesForPolicyState(state, chrome.runtime.id), installed),
  );
  return queue;
}

/** The kept digest of the rule set installed last (session storage), or null when there is none or it cannot be read. */
export function readInstalledRulesDigest(): Promise<string | null> {
  return chrome.storage.session.get(INSTALLED_KEY).then(
    (stored) => {
      const digest = stored[INSTALLED_KEY];
      return typeof digest === 'string' ? digest : null;
    },
    () => null,
  );
}

async function replaceRules(rules: DnrRule[], installed: Promise<string | null> | undefined): Promise<void> {
  try {
    await installRules(rules, installed);
  } catch (error) {
    console.error('Connect Shield: the network rules were refused; blocking everything', error instanceof Error ? error.message : 'unknown error');
    await installRules(failClosedNetworkRules(chrome.runtime.id), undefined);
  }
}

/**
 * A woken worker whose policy calls for the set it installed before skips reading the rules back:
 * session storage keeps that set's digest, written only after Chrome took the set (or was found
 * holding it) and removed before any rewrite, so the digest never names a set Chrome may not hold.
 * Session storage is emptied with the browser session and on an update or reload of the
 * extension, while dynamic rules persist: then the rules are read back from Chrome and compared.
 * A digest that cannot be read is no digest (read back); a rule set that cannot be read or written
 * fails closed in `replaceRules`.
 */
async function installRules(rules: DnrRule[], installed: Promise<string | null> | undefined): Promise<void> {
  const wanted = await rulesDigest(rules);
  if ((await (installed ?? readInstalledRulesDigest())) === wanted) {
    markStartup('rules-kept');
    return;
  }
  const existing = await chrome.declarativeNetRequest.getDynamicRules();
  // Read back from Chrome: dynamic rules persist across worker stops and browser restarts, so a
  // worker with an unchanged policy and no digest (a new browser session) finds exactly these.
  if (sameDnrRules(existing, rules)) {
    markStartup('rules-unchanged');
  } else {
    await chrome.storage.session.remove(INSTALLED_KEY);
    await chrome.declarativeNetRequest.updateDynamicRules({
      removeRuleIds: existing.map((rule) => rule.id),
      addRules: rules.map(toChromeRule),
    });
  }
  // Not needed for this verdict's enforcement, which is in place: a failed write only costs the next wake a read-back.
  chrome.storage.session.set({ [INSTALLED_KEY]: wanted }).catch(() => undefined);
}

/** SHA-256 of the rule set as the core builds it (same policy state, same JSON, same digest). */
async function rulesDigest(rules: readonly DnrRule[]): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(rules)));
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The core's rules use Chrome's own strings; @types/chrome declares them as enums. The values are
 * identical, so this only re-labels the types.
 */
function toChromeRule(rule: DnrRule): chrome.declarativeNetRequest.Rule {
  const { action, condition } = rule;
  const header = (operation: { header: string; operation: 'set' | 'append' | 'remove'; value?: string }): chrome.declarativeNetRequest.ModifyHeaderInfo => ({
    header: operation.header,
    operation: operation.operation,
    ...(operation.value === undefined ? {} : { value: operation.value }),
  });
  return {
    id: rule.id,
    priority: rule.priority,
    action: {
      type: action.type,
      ...(action.type === 'modifyHeaders' && action.responseHeaders ? { responseHeaders: action.responseHeaders.map(header) } : {}),
      ...(action.type === 'modifyHeaders' && action.requestHeaders ? { requestHeaders: action.requestHeaders.map(header) } : {}),
    },
    condition: {
      ...condition,
      ...(condition.resourceTypes ? { resourceTypes: condition.resourceTypes.map((type) => type as chrome.declarativeNetRequest.ResourceType) } : {}),
    },
  };
}

import type { PolicyState } from '../core/config/PolicyState.ts';
import type { DnrRule } from '../core/origins/DnrRule.ts';
import { failClosedNetworkRules, networkRulesForPolicyState } from '../core/origins/networkRulesForPolicyState.ts';
import { sameDnrRules } from '../core/origins/sameDnrRules.ts';
import { markStartup } from './startupMarks.ts';

let queue: Promise<void> = Promise.resolve();

/**
 * Replaces the extension's dynamic declarativeNetRequest rules with the ones the policy state
 * calls for, in one `updateDynamicRules` call (atomic: there is no moment without the block
 * rule). Dynamic rules persist across browser restarts, so a page opened before the worker runs
 * is restricted by the last policy; an unchanged set is left as it is. Calls are queued: two quick policy changes cannot interleave.
 * If Chrome refuses the rule set, only the block-everything rule is installed (fail closed).
 */
export function applyNetworkRules(state: PolicyState | null): Promise<void> {
  queue = queue.then(
    () => replaceRules(networkRulesForPolicyState(state, chrome.runtime.id)),
    () => replaceRules(networkRulesForPolicyState(state, chrome.runtime.id)),
  );
  return queue;
}

async function replaceRules(rules: DnrRule[]): Promise<void> {
  try {
    await installRules(rules);
  } catch (error) {
    console.error('Connect Shield: the network rules were refused; blocking everything', error instanceof Error ? error.message : 'unknown error');
    await installRules(failClosedNetworkRules(chrome.runtime.id));
  }
}

async function installRules(rules: DnrRule[]): Promise<void> {
  const existing = await chrome.declarativeNetRequest.getDynamicRules();
  // Read back from Chrome, not remembered: dynamic rules persist across worker stops and browser
  // restarts, so a woken worker with an unchanged policy finds exactly these and writes nothing.
  if (sameDnrRules(existing, rules)) {
    markStartup('rules-unchanged');
    return;
  }
  await chrome.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: existing.map((rule) => rule.id),
    addRules: rules.map(toChromeRule),
  });
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

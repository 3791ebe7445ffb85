import { ALL_RESOURCE_TYPES, type DnrResourceType, type DnrRule } from '../../../src/core/origins/DnrRule.ts';

/**
 * A test-side model of how Chrome evaluates the subset of rule conditions that buildDnrRules
 * uses (documented DNR semantics; the block/allow/modifyHeaders behaviour itself was measured
 * in Chromium 156, see docs/origins.md). It lets the tests check the rules against URL corpora.
 */
export interface SimulatedRequest {
  url: string;
  initiator: string;
  type: DnrResourceType;
}

export function ruleMatches(rule: DnrRule, request: SimulatedRequest): boolean {
  // Chrome matches against the canonical URL: lowercase scheme and host, no default port.
  const url = new URL(request.url);
  const host = url.hostname;
  const condition = rule.condition;
  const inDomainList = (domains: string[], candidate: string): boolean => domains.some((d) => candidate === d || candidate.endsWith(`.${d}`));
  if (condition.initiatorDomains !== undefined && !inDomainList(condition.initiatorDomains, request.initiator)) return false;
  if (condition.requestDomains !== undefined && !inDomainList(condition.requestDomains, host)) return false;
  if (condition.excludedRequestDomains !== undefined && inDomainList(condition.excludedRequestDomains, host)) return false;
  // Chrome's default for a condition without resourceTypes: every type but main_frame.
  const types = condition.resourceTypes ?? ALL_RESOURCE_TYPES.filter((type) => type !== 'main_frame');
  if (!types.includes(request.type)) return false;
  if (condition.urlFilter !== undefined && !urlFilterMatches(condition.urlFilter, url.href)) return false;
  if (condition.regexFilter !== undefined && !new RegExp(condition.regexFilter, 'i').test(url.href)) return false;
  return true;
}

/** Only the forms buildDnrRules emits: a left anchor `|` followed by a literal prefix. */
function urlFilterMatches(filter: string, href: string): boolean {
  if (!filter.startsWith('|') || filter.startsWith('||') || /[*^]/.test(filter)) throw new Error(`unsupported urlFilter in test model: ${filter}`);
  return href.toLowerCase().startsWith(filter.slice(1).toLowerCase());
}

/** The action Chrome takes: the highest-priority matching block/allow rule; ties go to allow. */
export function decide(rules: DnrRule[], request: SimulatedRequest): 'allow' | 'block' | 'none' {
  let best: DnrRule | undefined;
  for (const rule of rules) {
    if (rule.action.type !== 'block' && rule.action.type !== 'allow') continue;
    if (!ruleMatches(rule, request)) continue;
    if (best === undefined || rule.priority > best.priority || (rule.priority === best.priority && rule.action.type === 'allow')) best = rule;
  }
  return best === undefined ? 'none' : best.action.type === 'allow' ? 'allow' : 'block';
}

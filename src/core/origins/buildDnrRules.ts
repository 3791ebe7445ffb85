import { ALL_RESOURCE_TYPES } from './DnrRule.ts';
import type { DnrRule } from './DnrRule.ts';
import { parseOriginPattern } from './OriginPattern.ts';
import { connectRegionNamed, participantServiceOrigin } from '../regions/connectRegions.ts';
import type { OriginPattern } from './OriginPattern.ts';

/**
 * The declarativeNetRequest rules that enforce "approved origins only" for everything the
 * extension's own pages and service worker request (measured in Chromium 156, see
 * docs/origins.md): one low-priority block of every request this extension initiates, and
 * higher-priority allows for the instance, the chat participant service, the audit endpoint
 * and each approved origin. Requests made by the CCP frame itself have the CCP as initiator and
 * are not touched.
 */
export interface DnrRulesInput {
  extensionId: string;
  /** Exact https origins of the Connect instance(s), e.g. `https://shield-demo.my.connect.aws`. */
  instanceOrigins: string[];
  /** AWS region for `https://participant.connect.<region>.amazonaws.com`; a Region without Connect chat adds no rule. */
  region: string;
  /** Policy `approvedOrigins` entries; entries that do not parse are left out (fail closed). */
  approvedOrigins: string[];
  /** Rewrite the CCP's `frame-ancestors` for this extension's frames only. */
  compatibilityMode: boolean;
  /** The OTLP audit endpoint the service worker posts to, when the policy sets one. */
  auditEndpoint?: string;
}

/** Rule ids live in fixed ranges so adding an approved origin never renumbers the instance rules. */
export const DNR_RULE_IDS = {
  blockAll: 1,
  participantService: 2,
  auditEndpoint: 3,
  instanceFirst: 100,
  compatibilityFirst: 200,
  approvedFirst: 1000,
} as const;

/** Higher wins. modifyHeaders must outrank allow: Chrome skips header rules below a matching allow. */
export const DNR_PRIORITIES = { block: 1, allow: 2, modifyHeaders: 3 } as const;

const MAX_INSTANCES = DNR_RULE_IDS.compatibilityFirst - DNR_RULE_IDS.instanceFirst;
const EXTENSION_ID = /^[a-p]{32}$/;

export function buildDnrRules(input: DnrRulesInput): DnrRule[] {
  if (!EXTENSION_ID.test(input.extensionId)) throw new Error('buildDnrRules: extensionId must be 32 letters a-p');
  const initiatorDomains = [input.extensionId];
  const rules: DnrRule[] = [
    {
      id: DNR_RULE_IDS.blockAll,
      priority: DNR_PRIORITIES.block,
      action: { type: 'block' },
      condition: { initiatorDomains, resourceTypes: [...ALL_RESOURCE_TYPES] },
    },
  ];
  const allow = (id: number, pattern: OriginPattern): DnrRule => ({
    id,
    priority: DNR_PRIORITIES.allow,
    action: { type: 'allow' },
    condition: { initiatorDomains, ...originCondition(pattern), resourceTypes: [...ALL_RESOURCE_TYPES] },
  });

  if (connectRegionNamed(input.region)?.chat === true) {
    rules.push(allow(DNR_RULE_IDS.participantService, exactPattern(participantServiceOrigin(input.region))));
  }
  if (input.auditEndpoint !== undefined) {
    const audit = parseOriginPattern(originOfUrl(input.auditEndpoint));
    if (audit.ok && audit.pattern.kind === 'exact') rules.push(allow(DNR_RULE_IDS.auditEndpoint, audit.pattern));
  }

  const instances = uniqueSorted(input.instanceOrigins)
    .map((text) => parseOriginPattern(text))
    .flatMap((parsed) => (parsed.ok && parsed.pattern.kind === 'exact' ? [parsed.pattern] : []))
    .slice(0, MAX_INSTANCES);
  instances.forEach((pattern, index) => {
    rules.push(allow(DNR_RULE_IDS.instanceFirst + index, pattern));
    if (input.compatibilityMode) {
      rules.push(frameAncestorsRule(DNR_RULE_IDS.compatibilityFirst + index, pattern, input.extensionId));
    }
  });

  // Ids follow the sorted normalised text, so the same policy always yields the same ids.
  const approvedByText = new Map<string, OriginPattern>();
  for (const text of input.approvedOrigins) {
    const parsed = parseOriginPattern(text);
    if (parsed.ok) approvedByText.set(parsed.pattern.text, parsed.pattern);
  }
  [...approvedByText.keys()].sort().forEach((text, index) => {
    const pattern = approvedByText.get(text);
    if (pattern !== undefined) rules.push(allow(DNR_RULE_IDS.approvedFirst + index, pattern));
  });
  return rules;
}

/**
 * `requestDomains` alone is not enough: it also matches every sub-domain and any scheme. An
 * exact origin adds a left-anchored urlFilter ending in `/` (Chrome matches the canonical URL,
 * so the default port is absent and a different port or a longer host cannot match). A
 * sub-domain pattern adds a regex that needs at least one label before the base, so the apex
 * stays unapproved, as in `ApprovedOrigins.matches`.
 */
function originCondition(pattern: OriginPattern): { requestDomains: string[]; urlFilter?: string; regexFilter?: string } {
  if (pattern.kind === 'exact') {
    return { requestDomains: [pattern.host], urlFilter: `|${pattern.origin}/` };
  }
  const port = pattern.port === 443 ? '' : `:${pattern.port}`;
  return {
    requestDomains: [pattern.baseHost],
    regexFilter: `^https://(?:[a-z0-9_-]+\\.)+${escapeRegex(pattern.baseHost)}${escapeRegex(port)}/`,
  };
}

/**
 * Compatibility mode: the CCP answers with `frame-ancestors` listing the instance's approved
 * origins; when IT cannot add `chrome-extension://<id>` there, this replaces the header on the
 * CCP document — only for sub_frame loads initiated by this extension. `set` replaces the whole
 * CSP header (appending a second policy could only tighten it), so any other directives the CCP
 * sends are dropped for that frame; that is the documented trade-off.
 */
function frameAncestorsRule(id: number, instance: Extract<OriginPattern, { kind: 'exact' }>, extensionId: string): DnrRule {
  return {
    id,
    priority: DNR_PRIORITIES.modifyHeaders,
    action: {
      type: 'modifyHeaders',
      responseHeaders: [
        { header: 'content-security-policy', operation: 'set', value: `frame-ancestors 'self' chrome-extension://${extensionId}` },
        { header: 'x-frame-options', operation: 'remove' },
      ],
    },
    condition: {
      initiatorDomains: [extensionId],
      requestDomains: [instance.host],
      urlFilter: `|${instance.origin}${ccpPathFor(instance.host)}`,
      resourceTypes: ['sub_frame'],
    },
  };
}

function ccpPathFor(host: string): string {
  return host.endsWith('.awsapps.com') ? '/connect/ccp-v2' : '/ccp-v2';
}

function exactPattern(origin: string): Extract<OriginPattern, { kind: 'exact' }> {
  const parsed = parseOriginPattern(origin);
  if (!parsed.ok || parsed.pattern.kind !== 'exact') throw new Error('buildDnrRules: internal origin did not parse');
  return parsed.pattern;
}

function originOfUrl(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

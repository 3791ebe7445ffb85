import { describe, expect, it } from 'vitest';
import { createApprovedOrigins } from '../../../src/core/origins/ApprovedOrigins.ts';
import { buildDnrRules, DNR_PRIORITIES, DNR_RULE_IDS } from '../../../src/core/origins/buildDnrRules.ts';
import type { DnrRulesInput } from '../../../src/core/origins/buildDnrRules.ts';
import type { DnrResourceType } from '../../../src/core/origins/DnrRule.ts';
import { decide, ruleMatches } from './dnrMatcher.ts';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const INITIATOR = EXTENSION_ID;
const input: DnrRulesInput = {
  extensionId: EXTENSION_ID,
  instanceOrigins: ['https://shield-demo.my.connect.aws'],
  region: 'ap-northeast-1',
  approvedOrigins: ['https://crm.example.com', 'https://*.kb.example.com', 'https://portal.example.com:8443', 'http://bad.example.com'],
  compatibilityMode: false,
};

describe('buildDnrRules', () => {
  const rules = buildDnrRules(input);

  it('blocks everything this extension initiates at the lowest priority', () => {
    const block = rules.find((rule) => rule.action.type === 'block');
    expect(block).toMatchObject({ id: DNR_RULE_IDS.blockAll, priority: DNR_PRIORITIES.block, condition: { initiatorDomains: [EXTENSION_ID] } });
    for (const type of ['main_frame', 'sub_frame', 'xmlhttprequest', 'websocket', 'image', 'media', 'ping', 'other'] as const) {
      expect(block?.condition.resourceTypes).toContain(type);
    }
  });

  it('gives every allow rule an explicit resource list including main_frame (the default leaves it out)', () => {
    for (const rule of rules.filter((r) => r.action.type === 'allow')) {
      expect(rule.priority).toBeGreaterThan(DNR_PRIORITIES.block);
      expect(rule.condition.initiatorDomains).toEqual([EXTENSION_ID]);
      expect(rule.condition.resourceTypes).toContain('main_frame');
    }
  });

  it('has unique ids in fixed ranges, independent of input order', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    const reordered = buildDnrRules({ ...input, approvedOrigins: [...input.approvedOrigins].reverse(), instanceOrigins: [...input.instanceOrigins] });
    expect(reordered).toEqual(rules);
    expect(ids).toEqual([1, 2, 100, 1000, 1001, 1002]);
  });

  it('leaves out unparseable approved origins and an invalid region (fail closed)', () => {
    const noRegion = buildDnrRules({ ...input, region: 'nowhere', approvedOrigins: ['http://bad.example.com', 'https://*'] });
    expect(noRegion.map((rule) => rule.id)).toEqual([1, 100]);
  });

  it('refuses a malformed extension id rather than building rules that match nothing', () => {
    expect(() => buildDnrRules({ ...input, extensionId: 'not-an-id' })).toThrow();
  });

  it('adds the audit endpoint origin when given', () => {
    const withAudit = buildDnrRules({ ...input, auditEndpoint: 'https://otel.example.com:4318/v1/logs' });
    const rule = withAudit.find((r) => r.id === DNR_RULE_IDS.auditEndpoint);
    expect(rule?.condition).toMatchObject({ requestDomains: ['otel.example.com'], urlFilter: '|https://otel.example.com:4318/' });
  });
});

describe('buildDnrRules agrees with ApprovedOrigins.matches', () => {
  const rules = buildDnrRules(input);
  const approved = createApprovedOrigins({ instanceOrigins: input.instanceOrigins, approvedOrigins: input.approvedOrigins });
  const urls = [
    'https://shield-demo.my.connect.aws/ccp-v2/',
    'https://shield-demo.my.connect.aws:443/ccp-v2/',
    'https://shield-demo.my.connect.aws.evil.test/',
    'https://x.shield-demo.my.connect.aws/',
    'https://other.my.connect.aws/ccp-v2',
    'http://shield-demo.my.connect.aws/ccp-v2',
    'https://crm.example.com/a?b=1',
    'https://CRM.EXAMPLE.COM/',
    'https://sub.crm.example.com/',
    'https://crm.example.com:8443/',
    'https://crm.example.com.evil.test/',
    'https://evil-crm.example.com/',
    'https://crm.example.comevil.test/',
    'http://crm.example.com/',
    'https://a.kb.example.com/',
    'https://a.b.kb.example.com/x',
    'https://kb.example.com/',
    'https://akb.example.com/',
    'https://a.kb.example.com:8443/',
    'https://evil.test/a.kb.example.com/',
    'https://evil.test/?https://a.kb.example.com/',
    'https://portal.example.com:8443/x',
    'https://portal.example.com/x',
    'https://bad.example.com/',
    'http://bad.example.com/',
    'https://evil.test/',
  ];
  const types: DnrResourceType[] = ['main_frame', 'sub_frame', 'xmlhttprequest', 'image'];

  it.each(urls)('%s', (url) => {
    for (const type of types) {
      const verdict = decide(rules, { url, initiator: INITIATOR, type });
      expect(verdict).toBe(approved.matches(url) ? 'allow' : 'block');
    }
  });

  it('allows the participant service for the region only', () => {
    expect(
      decide(rules, { url: 'https://participant.connect.ap-northeast-1.amazonaws.com/participant/message', initiator: INITIATOR, type: 'xmlhttprequest' }),
    ).toBe('allow');
    expect(
      decide(rules, { url: 'https://participant.connect.us-east-1.amazonaws.com/participant/message', initiator: INITIATOR, type: 'xmlhttprequest' }),
    ).toBe('block');
    expect(decide(rules, { url: 'https://x.participant.connect.ap-northeast-1.amazonaws.com/', initiator: INITIATOR, type: 'xmlhttprequest' })).toBe('block');
  });

  it('does not touch requests initiated by anyone else (the CCP frame, other tabs)', () => {
    expect(decide(rules, { url: 'https://evil.test/', initiator: 'shield-demo.my.connect.aws', type: 'xmlhttprequest' })).toBe('none');
    expect(decide(rules, { url: 'https://evil.test/', initiator: 'crm.example.com', type: 'sub_frame' })).toBe('none');
  });
});

describe('compatibility mode', () => {
  const rules = buildDnrRules({ ...input, compatibilityMode: true, instanceOrigins: ['https://shield-demo.my.connect.aws', 'https://shield-dr.awsapps.com'] });
  const headerRules = rules.filter((rule) => rule.action.type === 'modifyHeaders');

  it('adds one frame-ancestors rule per instance, above the allow rules', () => {
    expect(headerRules.map((rule) => rule.id)).toEqual([200, 201]);
    for (const rule of headerRules) {
      expect(rule.priority).toBeGreaterThan(DNR_PRIORITIES.allow);
      expect(rule.condition.initiatorDomains).toEqual([EXTENSION_ID]);
      expect(rule.condition.resourceTypes).toEqual(['sub_frame']);
      expect(rule.action).toEqual({
        type: 'modifyHeaders',
        responseHeaders: [
          { header: 'content-security-policy', operation: 'set', value: `frame-ancestors 'self' chrome-extension://${EXTENSION_ID}` },
          { header: 'x-frame-options', operation: 'remove' },
        ],
      });
    }
  });

  it('scopes each rule to the CCP path of its instance', () => {
    const matching = (url: string, type: DnrResourceType = 'sub_frame', initiator = INITIATOR): number[] =>
      headerRules.filter((rule) => ruleMatches(rule, { url, initiator, type })).map((rule) => rule.id);
    expect(matching('https://shield-demo.my.connect.aws/ccp-v2/')).toEqual([200]);
    expect(matching('https://shield-dr.awsapps.com/connect/ccp-v2')).toEqual([201]);
    expect(matching('https://shield-demo.my.connect.aws/other')).toEqual([]);
    expect(matching('https://shield-demo.my.connect.aws/ccp-v2', 'main_frame')).toEqual([]);
    expect(matching('https://shield-demo.my.connect.aws/ccp-v2', 'sub_frame', 'crm.example.com')).toEqual([]);
  });

  it('is absent when compatibility mode is off', () => {
    expect(buildDnrRules(input).some((rule) => rule.action.type === 'modifyHeaders')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { PolicyState } from '../../../src/core/config/PolicyState.ts';
import { DNR_RULE_IDS } from '../../../src/core/origins/buildDnrRules.ts';
import { networkRulesForPolicyState } from '../../../src/core/origins/networkRulesForPolicyState.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';
import type { Policy } from '../../../src/core/policy/Policy.ts';

const EXTENSION_ID = 'ojodoldnmcabjmcojfoebnmebmadjfdm';
const at = '2026-01-01T00:00:00.000Z';

function ok(policy: Policy): PolicyState {
  return { status: 'ok', policy: applyDefaults(policy), provenance: {}, ignoredLocal: [], mode: 'evaluation', delivery: 'none', checkedAt: at };
}

const base: Policy = {
  instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2', region: 'ap-northeast-1', loginUrl: 'https://idp.example.com/saml' },
  approvedOrigins: ['https://crm.example.com', 'https://*.kb.example.com'],
};

describe('networkRulesForPolicyState', () => {
  it('fails closed to the single block-everything rule without a valid policy', () => {
    const states: (PolicyState | null)[] = [
      null,
      { status: 'missing', missing: ['/instance/ccpUrl'], message: 'none', checkedAt: at, mode: 'organization' },
      { status: 'invalid-managed', errors: [], checkedAt: at, mode: 'organization' },
      { status: 'invalid-local', errors: [], checkedAt: at, mode: 'organization' },
    ];
    for (const state of states) {
      const rules = networkRulesForPolicyState(state, EXTENSION_ID);
      expect(rules).toHaveLength(1);
      expect(rules[0]).toMatchObject({ id: DNR_RULE_IDS.blockAll, action: { type: 'block' }, condition: { initiatorDomains: [EXTENSION_ID] } });
    }
  });

  it('allows the instance, its region’s participant service, its login page and the approved origins', () => {
    const rules = networkRulesForPolicyState(ok(base), EXTENSION_ID);
    const filters = rules.map((rule) => rule.condition.urlFilter ?? rule.condition.regexFilter ?? null);
    expect(filters).toEqual([
      null,
      '|https://participant.connect.ap-northeast-1.amazonaws.com/',
      '|https://shield-demo.my.connect.aws/',
      '^https://(?:[a-z0-9_-]+\\.)+kb\\.example\\.com/',
      '|https://crm.example.com/',
      '|https://idp.example.com/',
    ]);
    expect(rules.some((rule) => rule.action.type === 'modifyHeaders')).toBe(false);
  });

  it('uses the fallback region when the policy names none, and adds the audit endpoint', () => {
    const rules = networkRulesForPolicyState(
      ok({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' }, audit: { endpoint: 'https://otel.example.com/v1/logs' } }),
      EXTENSION_ID,
    );
    expect(rules.find((rule) => rule.id === DNR_RULE_IDS.participantService)?.condition.urlFilter).toBe(
      '|https://participant.connect.us-east-1.amazonaws.com/',
    );
    expect(rules.find((rule) => rule.id === DNR_RULE_IDS.auditEndpoint)?.condition.urlFilter).toBe('|https://otel.example.com/');
  });

  it('allows only the instance in force: the default until the agent picks an alternate, then that one alone', () => {
    const policy: Policy = {
      ...base,
      instance: { ...base.instance, alternates: [{ name: 'DR', ccpUrl: 'https://shield-dr.my.connect.aws/ccp-v2', region: 'us-west-2' }] },
      framing: { compatibilityMode: true },
    };
    const instanceFilters = (state: PolicyState) =>
      networkRulesForPolicyState(state, EXTENSION_ID)
        .filter((rule) => rule.id >= DNR_RULE_IDS.instanceFirst && rule.id < DNR_RULE_IDS.compatibilityFirst)
        .map((rule) => rule.condition.urlFilter);
    expect(instanceFilters(ok(policy))).toEqual(['|https://shield-demo.my.connect.aws/']);
    const chosen: PolicyState = { ...ok(policy), chosenInstance: { ccpUrl: 'https://shield-dr.my.connect.aws/ccp-v2' } };
    expect(instanceFilters(chosen)).toEqual(['|https://shield-dr.my.connect.aws/']);
    const rules = networkRulesForPolicyState(chosen, EXTENSION_ID);
    // The default's login page goes with it; the chosen instance's region is the chat region.
    expect(rules.some((rule) => rule.condition.urlFilter === '|https://idp.example.com/')).toBe(false);
    expect(rules.find((rule) => rule.id === DNR_RULE_IDS.participantService)?.condition.urlFilter).toBe(
      '|https://participant.connect.us-west-2.amazonaws.com/',
    );
    const rewrites = rules.filter((rule) => rule.action.type === 'modifyHeaders');
    expect(rewrites.map((rule) => rule.condition.urlFilter)).toEqual(['|https://shield-dr.my.connect.aws/ccp-v2']);
    for (const rule of rewrites) expect(rule.condition).toMatchObject({ initiatorDomains: [EXTENSION_ID], resourceTypes: ['sub_frame'] });
    // A stored pick of an unlisted instance changes nothing.
    expect(instanceFilters({ ...ok(policy), chosenInstance: { ccpUrl: 'https://evil.my.connect.aws/ccp-v2' } })).toEqual([
      '|https://shield-demo.my.connect.aws/',
    ]);
  });
});

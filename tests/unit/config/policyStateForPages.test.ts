import { describe, expect, it } from 'vitest';
import { policyStateForPages, WITHHELD_ENTRY } from '../../../src/core/config/policyStateForPages.ts';
import { mergePolicies } from '../../../src/core/policy/mergePolicies.ts';

const accept = () => ({ safe: true as const });

describe('policyStateForPages', () => {
  it('withholds the deny list numbers but keeps their count and everything else', () => {
    const merged = mergePolicies(
      { instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' }, risk: { denyList: ['+81312345678', '+12025550147'] } },
      undefined,
      { regexSafety: accept },
    );
    const state = { ...merged, checkedAt: '2026-11-29T00:00:00Z' };
    const shared = policyStateForPages(state);
    expect(JSON.stringify(shared)).not.toContain('81312345678');
    expect(shared.status === 'ok' && shared.policy.risk.denyList).toEqual([WITHHELD_ENTRY, WITHHELD_ENTRY]);
    expect(shared.status === 'ok' && shared.policy.instance).toEqual(state.status === 'ok' && state.policy.instance);
  });

  it("withholds the audit collector's header values, keeping their names", () => {
    const merged = mergePolicies(
      {
        instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' },
        approvedOrigins: ['https://otel.example.com'],
        audit: { endpoint: 'https://otel.example.com/v1/logs', headers: [{ name: 'X-Api-Key', value: 'sk-live-canary-7781' }] },
      },
      undefined,
      { regexSafety: accept },
    );
    const state = { ...merged, checkedAt: '2026-11-29T00:00:00Z' };
    const shared = policyStateForPages(state);
    expect(JSON.stringify(shared)).not.toContain('sk-live-canary-7781');
    expect(shared.status === 'ok' && shared.policy.audit.headers).toEqual([{ name: 'X-Api-Key', value: WITHHELD_ENTRY }]);
  });

  it('passes problems through unchanged', () => {
    const missing = { ...mergePolicies(undefined, undefined, { regexSafety: accept }), checkedAt: 'x' };
    expect(policyStateForPages(missing)).toBe(missing);
  });
});

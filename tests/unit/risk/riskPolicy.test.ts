import { describe, expect, it } from 'vitest';
import { mergePolicies } from '../../../src/core/policy/mergePolicies.ts';

const instance = { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2', region: 'ap-northeast-1' };
const merge = (policy: Record<string, unknown>) => mergePolicies({ instance, ...policy }, undefined, { regexSafety: () => ({ safe: true }) });

describe('risk and secure-IVR settings in the policy', () => {
  it('accepts a deny list of 100,000 numbers', () => {
    const denyList = Array.from({ length: 100_000 }, (_, i) => `+8190${String(10_000_000 + i)}`);
    const result = merge({ risk: { denyList, repeatContact: { count: 3, windowMinutes: 60 } } });
    expect(result.status).toBe('ok');
    if (result.status === 'ok') expect(result.policy.risk.denyList).toHaveLength(100_000);
  });

  it('refuses more than 100,000', () => {
    const denyList = Array.from({ length: 100_001 }, (_, i) => `+8190${String(10_000_000 + i)}`);
    const result = merge({ risk: { denyList } });
    expect(result.status).toBe('invalid-managed');
  });

  it('reads the optional attempts and failure-reason attributes, which must differ from the value attribute', () => {
    const field = {
      label: 'Card',
      valueAttribute: 'card',
      statusAttribute: 'card_status',
      attemptsAttribute: 'card_attempts',
      failureReasonAttribute: 'card_failure',
    };
    const ok = merge({ secureIvr: { fields: [field] } });
    expect(ok.status === 'ok' && ok.policy.secureIvr.fields[0]).toMatchObject({ attemptsAttribute: 'card_attempts', failureReasonAttribute: 'card_failure' });
    const plain = merge({ secureIvr: { fields: [{ label: 'Card', valueAttribute: 'card', statusAttribute: 'card_status' }] } });
    expect(plain.status === 'ok' && plain.policy.secureIvr.fields[0]).toMatchObject({ attemptsAttribute: null, failureReasonAttribute: null });
    const clash = merge({ secureIvr: { fields: [{ ...field, failureReasonAttribute: 'card' }] } });
    expect(clash.status === 'invalid-managed' && clash.errors.map((error) => error.pointer)).toEqual(['/secureIvr/fields/0/failureReasonAttribute']);
  });
});

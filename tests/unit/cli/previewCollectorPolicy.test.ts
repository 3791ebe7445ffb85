import { describe, expect, it } from 'vitest';
import { PREVIEW_COLLECTOR_ENDPOINT } from '../../../src/cli/preview/otlpRehearsal.ts';
import { policyWithPreviewCollector } from '../../../src/cli/preview/policyWithPreviewCollector.ts';
import { checkDelivery } from '../../../src/core/policy/integrity/checkDelivery.ts';
import { sealedPolicy } from '../../../src/core/policy/integrity/policySeal.ts';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';
import { validatePolicy } from '../../../src/core/policy/validatePolicy.ts';

const COLLECTOR_ORIGIN = new URL(PREVIEW_COLLECTOR_ENDPOINT).origin;

const policy = {
  instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' },
  approvedOrigins: ['https://crm.example.com', 'https://otel.example.com'],
  audit: { endpoint: 'https://otel.example.com/v1/logs', maxEvents: 500, retentionDays: 7, headers: [{ name: 'X-Api-Key', value: 'k-1' }] },
};

describe('preview --otlp: the policy pointed at the local receiver', () => {
  it('sets audit.endpoint to the receiver, approves its origin, and keeps every other setting', () => {
    const pointed = policyWithPreviewCollector(policy, PREVIEW_COLLECTOR_ENDPOINT);
    expect(pointed).toEqual({
      ...policy,
      approvedOrigins: ['https://crm.example.com', 'https://otel.example.com', COLLECTOR_ORIGIN],
      audit: { ...policy.audit, endpoint: PREVIEW_COLLECTOR_ENDPOINT },
    });
    // The input is IT's document: it is not changed.
    expect(policy.audit.endpoint).toBe('https://otel.example.com/v1/logs');
  });

  it('gives a policy without audit settings an endpoint the validator accepts', () => {
    const bare = { instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' } };
    const validation = validatePolicy(policyWithPreviewCollector(bare, PREVIEW_COLLECTOR_ENDPOINT), { regexSafety: checkRegexSafety });
    expect(validation.ok).toBe(true);
    if (validation.ok) expect(validation.policy.audit?.endpoint).toBe(PREVIEW_COLLECTOR_ENDPOINT);
  });

  it('does not approve the receiver twice', () => {
    const already = { ...policy, approvedOrigins: [COLLECTOR_ORIGIN] };
    expect(policyWithPreviewCollector(already, PREVIEW_COLLECTOR_ENDPOINT)).toMatchObject({ approvedOrigins: [COLLECTOR_ORIGIN] });
  });

  it('seals an exported (sealed) policy again, so the extension still verifies it was delivered whole', () => {
    const exported = sealedPolicy(policy);
    expect(checkDelivery(exported)).toEqual({ status: 'verified' });
    const pointed = policyWithPreviewCollector(exported, PREVIEW_COLLECTOR_ENDPOINT) as Record<string, unknown>;
    expect(checkDelivery(pointed)).toEqual({ status: 'verified' });
    expect(pointed['integrity']).not.toBe(exported.integrity);
    // An unsealed policy stays unsealed.
    expect(policyWithPreviewCollector(policy, PREVIEW_COLLECTOR_ENDPOINT)).not.toHaveProperty('integrity');
  });
});

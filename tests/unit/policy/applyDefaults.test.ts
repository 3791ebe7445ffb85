import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';

const CCP = 'https://shield-demo.my.connect.aws/ccp-v2';

describe('applyDefaults', () => {
  it('turns a policy with only ccpUrl into: every detector on, no elevated view, PCI display formats', () => {
    const effective = applyDefaults({ instance: { ccpUrl: CCP } });
    expect(Object.values(effective.masking.detectors).every((on) => on)).toBe(true);
    expect(Object.keys(effective.masking.detectors)).toHaveLength(11);
    expect(effective.roles.elevatedViewAllowed).toBe(false);
    expect(effective.roles.revealableKinds).toEqual([]);
    expect(effective.roles.reasonRequired).toBe(true);
    expect(effective.masking.display.pan).toBe('lastFour');
    expect(effective.masking.display.ciphertext).toBe('label');
    expect(effective).toMatchObject({
      instance: { ccpUrl: CCP, loginUrl: null, region: null, alternates: [] },
      approvedOrigins: [],
      risk: { denyList: [], repeatContact: null },
      dialing: { defaultCountry: null, allowedCountries: null },
      audit: { endpoint: null, retentionDays: 30 },
      framing: { compatibilityMode: false },
      secureIvr: { fields: [] },
    });
  });

  it('keeps what the policy sets and fills the rest per key', () => {
    const effective = applyDefaults({
      instance: { ccpUrl: CCP },
      masking: { detectors: { email: false }, display: { pan: 'label' }, patterns: [{ name: 'M', regex: 'M[0-9]+' }] },
      roles: { revealSeconds: 90 },
    });
    expect(effective.masking.detectors.email).toBe(false);
    expect(effective.masking.detectors.pan).toBe(true);
    expect(effective.masking.display.pan).toBe('label');
    expect(effective.masking.display.ssn).toBe('lastFour');
    expect(effective.masking.patterns).toEqual([{ name: 'M', regex: 'M[0-9]+', display: 'full' }]);
    expect(effective.roles.revealSeconds).toBe(90);
    expect(effective.roles.reasonRequired).toBe(true);
  });

  it('gives a secure-IVR field default status words only when it lists none of its own', () => {
    const effective = applyDefaults({
      instance: { ccpUrl: CCP },
      secureIvr: {
        fields: [
          { label: 'A', valueAttribute: 'a', statusAttribute: 'a_status' },
          { label: 'B', valueAttribute: 'b', statusAttribute: 'b_status', statusValues: { captured: ['OK'] } },
        ],
      },
    });
    expect(effective.secureIvr.fields[0]?.statusValues.captured).toContain('captured');
    expect(effective.secureIvr.fields[1]?.statusValues).toEqual({ captured: ['OK'], inProgress: [], failed: [] });
  });

  it('does not share arrays with its input', () => {
    const policy = { instance: { ccpUrl: CCP }, approvedOrigins: ['https://crm.example.com'] };
    const effective = applyDefaults(policy);
    effective.approvedOrigins.push('https://evil.example');
    expect(policy.approvedOrigins).toEqual(['https://crm.example.com']);
  });
});

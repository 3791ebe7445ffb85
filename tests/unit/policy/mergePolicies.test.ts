import { describe, expect, it } from 'vitest';
import { mergePolicies, POLICY_SETTING_POINTERS, type MergeResult } from '../../../src/core/policy/mergePolicies.ts';
import { policySchema } from '../../../src/core/policy/policySchema.ts';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';

const options = { regexSafety: checkRegexSafety };
const ORG_CCP = 'https://org.my.connect.aws/ccp-v2';
const LOCAL_CCP = 'https://local.my.connect.aws/ccp-v2';
const org = { instance: { ccpUrl: ORG_CCP } };

function merged(managed: unknown, local: unknown): Extract<MergeResult, { status: 'ok' }> {
  const result = mergePolicies(managed, local, options);
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

describe('mergePolicies: outcomes', () => {
  it('refuses an invalid managed policy and never falls back to local settings', () => {
    const result = mergePolicies({ instance: { ccpUrl: 'https://evil.example/ccp-v2' } }, { instance: { ccpUrl: LOCAL_CCP } }, options);
    expect(result).toEqual({ status: 'invalid-managed', errors: [expect.objectContaining({ pointer: '/instance/ccpUrl' })] });
  });

  it('refuses a managed policy that is not an object', () => {
    expect(mergePolicies('policy', undefined, options).status).toBe('invalid-managed');
  });

  it('refuses invalid local settings', () => {
    expect(mergePolicies(org, { masking: { detectors: { pan: false } } }, options).status).toBe('invalid-local');
  });

  it('says what is missing when nobody names an instance', () => {
    const result = mergePolicies(undefined, undefined, options);
    expect(result).toMatchObject({ status: 'missing', missing: ['/instance/ccpUrl'] });
    const managedOnly = mergePolicies({ approvedOrigins: ['https://crm.example.com'] }, {}, options);
    expect(managedOnly).toMatchObject({ status: 'missing', message: expect.stringMatching(/organization/) });
  });

  it('treats an empty managed object (what Chrome reports without a policy) as absent', () => {
    const result = merged({}, { instance: { ccpUrl: LOCAL_CCP }, roles: { elevatedViewAllowed: true } });
    expect(result.policy.instance.ccpUrl).toBe(LOCAL_CCP);
    expect(result.provenance['/roles']).toBe('local');
  });

  it('refuses local settings with an invalid value even where the organization left the section open', () => {
    const result = mergePolicies(
      { instance: { ccpUrl: ORG_CCP }, approvedOrigins: ['https://crm.example.com'], risk: {} },
      { risk: { denyList: ['not-a-number'] } },
      options,
    );
    expect(result.status).toBe('invalid-local');
  });

  it('reports provenance for every setting', () => {
    const result = merged(org, undefined);
    expect(Object.keys(result.provenance).sort()).toEqual([...POLICY_SETTING_POINTERS].sort());
    expect(result.provenance['/instance']).toBe('organization');
    expect(result.provenance['/masking/detectors/pan']).toBe('default');
  });

  it('covers every top-level key of the schema with at least one merge unit', () => {
    for (const key of Object.keys(policySchema.properties ?? {}).filter((name) => name !== 'integrity')) {
      expect(
        POLICY_SETTING_POINTERS.some((pointer) => pointer === `/${key}` || pointer.startsWith(`/${key}/`)),
        key,
      ).toBe(true);
    }
  });
});

describe('mergePolicies: per top-level key', () => {
  it('instance: the organization decides; local cannot switch or add instances', () => {
    const result = merged(org, {
      instance: { ccpUrl: LOCAL_CCP, alternates: [{ name: 'Mine', ccpUrl: 'https://mine.my.connect.aws/ccp-v2' }] },
    });
    expect(result.policy.instance).toEqual({ ccpUrl: ORG_CCP, loginUrl: null, region: null, alternates: [] });
    expect(result.ignoredLocal).toContainEqual({ pointer: '/instance', reason: 'Set by your organization.' });
  });

  it('instance: local decides when there is no managed policy', () => {
    const result = merged(undefined, { instance: { ccpUrl: LOCAL_CCP, region: 'us-west-2' } });
    expect(result.policy.instance).toMatchObject({ ccpUrl: LOCAL_CCP, region: 'us-west-2' });
    expect(result.provenance['/instance']).toBe('local');
  });

  it('approvedOrigins: the managed list is authoritative; local cannot add origins even when the organization left it unset', () => {
    const set = merged({ ...org, approvedOrigins: ['https://crm.example.com'] }, { approvedOrigins: ['https://evil.example'] });
    expect(set.policy.approvedOrigins).toEqual(['https://crm.example.com']);
    const unset = merged(org, { approvedOrigins: ['https://evil.example'] });
    expect(unset.policy.approvedOrigins).toEqual([]);
    expect(unset.provenance['/approvedOrigins']).toBe('default');
    expect(unset.ignoredLocal.map((ignored) => ignored.pointer)).toContain('/approvedOrigins');
  });

  it('masking.detectors: per detector; local may switch on, never off, what the organization left unset', () => {
    const result = merged(
      { ...org, masking: { detectors: { email: false, phone: true } } },
      { masking: { detectors: { email: true, phone: false, dob: false, iban: true } } },
    );
    expect(result.policy.masking.detectors).toMatchObject({ email: false, phone: true, dob: true, iban: true });
    expect(result.provenance['/masking/detectors/email']).toBe('organization');
    expect(result.provenance['/masking/detectors/dob']).toBe('default');
    expect(result.provenance['/masking/detectors/iban']).toBe('local');
    expect(result.ignoredLocal.map((ignored) => ignored.pointer)).toEqual(
      expect.arrayContaining(['/masking/detectors/email', '/masking/detectors/phone', '/masking/detectors/dob']),
    );
  });

  it('masking.detectors: without a managed policy local may switch a detector off', () => {
    const result = merged(undefined, { instance: { ccpUrl: LOCAL_CCP }, masking: { detectors: { email: false } } });
    expect(result.policy.masking.detectors.email).toBe(false);
  });

  it('masking.display: per kind; local may hide more than the default, not less', () => {
    const result = merged({ ...org, masking: { display: { pan: 'label' } } }, { masking: { display: { pan: 'lastFour', ssn: 'label', email: 'lastFour' } } });
    expect(result.policy.masking.display).toMatchObject({ pan: 'label', ssn: 'label', email: 'label' });
    expect(result.provenance['/masking/display/ssn']).toBe('local');
    expect(result.provenance['/masking/display/email']).toBe('default');
  });

  it('masking.attributeRules and patterns: the organization list wins whole; otherwise local rules that hide are kept', () => {
    const orgRules = merged(
      { ...org, masking: { attributeRules: [{ match: 'card_*', kind: 'pan' }] } },
      { masking: { attributeRules: [{ match: 'card_*', kind: 'public' }] } },
    );
    expect(orgRules.policy.masking.attributeRules).toEqual([{ match: 'card_*', kind: 'pan' }]);
    const localRules = merged(org, {
      masking: {
        attributeRules: [
          { match: 'note', kind: 'public' },
          { match: 'token', kind: 'secret' },
        ],
        patterns: [{ name: 'M', regex: 'M[0-9]{6}' }],
      },
    });
    expect(localRules.policy.masking.attributeRules).toEqual([{ match: 'token', kind: 'secret' }]);
    expect(localRules.policy.masking.patterns).toEqual([{ name: 'M', regex: 'M[0-9]{6}', display: 'full' }]);
    expect(localRules.ignoredLocal.map((ignored) => ignored.pointer)).toContain('/masking/attributeRules/0');
  });

  it('roles: only the organization decides once it manages the policy; an agent cannot make themself a supervisor', () => {
    const result = merged(org, { roles: { elevatedViewAllowed: true, supervisors: { usernames: ['me'] }, revealableKinds: ['phone'] } });
    expect(result.policy.roles.elevatedViewAllowed).toBe(false);
    expect(result.policy.roles.supervisors.usernames).toEqual([]);
    expect(result.provenance['/roles']).toBe('default');
    const orgRoles = merged({ ...org, roles: { revealSeconds: 20 } }, { roles: { revealSeconds: 300 } });
    expect(orgRoles.policy.roles.revealSeconds).toBe(20);
    expect(orgRoles.provenance['/roles']).toBe('organization');
  });

  it('secureIvr: the organization field map wins whole; local fills it when unset', () => {
    const field = { label: 'Card', valueAttribute: 'card', statusAttribute: 'card_status' };
    const local = { label: 'Mine', valueAttribute: 'mine', statusAttribute: 'mine_status' };
    expect(merged({ ...org, secureIvr: { fields: [field] } }, { secureIvr: { fields: [local] } }).policy.secureIvr.fields.map((f) => f.label)).toEqual([
      'Card',
    ]);
    expect(merged(org, { secureIvr: { fields: [local] } }).policy.secureIvr.fields.map((f) => f.label)).toEqual(['Mine']);
  });

  it('risk: denyList and repeatContact merge separately', () => {
    const result = merged(
      { ...org, risk: { denyList: ['+81312345678'] } },
      { risk: { denyList: ['+14155550100'], repeatContact: { count: 2, windowMinutes: 30 } } },
    );
    expect(result.policy.risk).toEqual({ denyList: ['+81312345678'], repeatContact: { count: 2, windowMinutes: 30 } });
    expect(result.provenance['/risk/denyList']).toBe('organization');
    expect(result.provenance['/risk/repeatContact']).toBe('local');
  });

  it('dialing: one unit, so a default country can never fall outside the allowed list', () => {
    const result = merged({ ...org, dialing: { allowedCountries: ['JP'] } }, { dialing: { defaultCountry: 'US' } });
    expect(result.policy.dialing).toEqual({ defaultCountry: null, allowedCountries: ['JP'] });
    // The default country decides how national numbers are recognised: not the agent's to change.
    expect(merged(org, { dialing: { defaultCountry: 'US' } }).policy.dialing.defaultCountry).toBe(null);
    expect(merged(org, { dialing: { allowedCountries: ['JP'] } }).policy.dialing.allowedCountries).toEqual(['JP']);
    expect(merged(undefined, { instance: { ccpUrl: LOCAL_CCP }, dialing: { defaultCountry: 'US' } }).policy.dialing.defaultCountry).toBe('US');
  });

  it('audit: only the organization decides once it manages the policy', () => {
    const managed = { ...org, approvedOrigins: ['https://audit.example.com'], audit: { endpoint: 'https://audit.example.com/v1/logs' } };
    const result = merged(managed, { audit: { retentionDays: 1 } });
    expect(result.policy.audit).toEqual({ endpoint: 'https://audit.example.com/v1/logs', retentionDays: 30, maxEvents: 10_000, headers: [] });
    expect(merged(org, { audit: { retentionDays: 1 } }).policy.audit.retentionDays).toBe(30);
    expect(merged(undefined, { instance: { ccpUrl: LOCAL_CCP }, audit: { retentionDays: 1 } }).policy.audit.retentionDays).toBe(1);
  });

  it('framing.compatibilityMode: only the organization can turn it on once it manages the policy', () => {
    expect(merged(org, { framing: { compatibilityMode: true } }).policy.framing.compatibilityMode).toBe(false);
    const managed = merged({ ...org, framing: { compatibilityMode: true } }, { framing: { compatibilityMode: false } });
    expect(managed.policy.framing.compatibilityMode).toBe(true);
    expect(managed.provenance['/framing/compatibilityMode']).toBe('organization');
  });

  it('does not change its inputs', () => {
    const managed = { ...org, masking: { detectors: { email: false } } };
    const snapshot = structuredClone(managed);
    const result = merged(managed, undefined);
    result.policy.masking.detectors.email = true;
    expect(managed).toEqual(snapshot);
  });
});

describe('mergePolicies: only IT grants (invariant 7)', () => {
  const elevating = {
    instance: { ccpUrl: LOCAL_CCP },
    approvedOrigins: ['https://evil.example.com'],
    roles: { elevatedViewAllowed: true, supervisors: { usernames: ['agent1'] }, revealableKinds: ['ssn'], revealSeconds: 600 },
    framing: { compatibilityMode: true },
    audit: { retentionDays: 1 },
  };

  it('a hand-installed extension without managed policy runs in evaluation mode with local settings in full', () => {
    const result = merged(undefined, elevating);
    expect(result.mode).toBe('evaluation');
    expect(result.policy.roles.elevatedViewAllowed).toBe(true);
  });

  it('with a managed policy, local settings grant nothing: the defaults hold where the organization is silent', () => {
    const result = merged(org, elevating);
    expect(result.mode).toBe('organization');
    expect(result.policy.instance.ccpUrl).toBe(ORG_CCP);
    expect(result.policy.approvedOrigins).toEqual([]);
    expect(result.policy.roles).toMatchObject({ elevatedViewAllowed: false, revealableKinds: [], revealSeconds: 30, supervisors: { usernames: [] } });
    expect(result.policy.framing.compatibilityMode).toBe(false);
    expect(result.policy.audit.retentionDays).toBe(30);
    expect(result.ignoredLocal.map((ignored) => ignored.pointer)).toEqual(
      expect.arrayContaining(['/approvedOrigins', '/roles', '/framing/compatibilityMode', '/audit']),
    );
  });

  it('an extension installed by policy with no managed policy fails closed, whatever local settings say', () => {
    const result = mergePolicies(undefined, elevating, { ...options, installedByPolicy: true });
    expect(result).toMatchObject({ status: 'managed-missing', message: expect.stringMatching(/installed by your organization/) });
    expect(mergePolicies({}, elevating, { ...options, installedByPolicy: true }).status).toBe('managed-missing');
  });

  it('an extension installed by policy with a managed policy merges as managed', () => {
    const result = mergePolicies(org, elevating, { ...options, installedByPolicy: true });
    expect(result).toMatchObject({ status: 'ok', mode: 'organization', policy: { roles: { elevatedViewAllowed: false } } });
  });
});

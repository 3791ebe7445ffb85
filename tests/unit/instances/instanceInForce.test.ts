import { describe, expect, it } from 'vitest';
import { instanceInForceOf, policyInForceOf, type PolicyState } from '../../../src/core/config/PolicyState.ts';
import { checkInstanceSwitch } from '../../../src/core/instances/checkInstanceSwitch.ts';
import { instanceInForce, rememberedInstance } from '../../../src/core/instances/instanceInForce.ts';
import { offersInstanceChoice, organizationInstances } from '../../../src/core/instances/organizationInstances.ts';
import { approvedOriginsFromEffectivePolicy } from '../../../src/core/origins/approvedOriginsFromEffectivePolicy.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';

const TOKYO = 'https://acme-tokyo.my.connect.aws/ccp-v2';
const OSAKA = 'https://acme-osaka.my.connect.aws/ccp-v2';
const LAB = 'https://acme-lab.awsapps.com/connect/ccp-v2';

const policy = applyDefaults({
  instance: {
    ccpUrl: TOKYO,
    region: 'ap-northeast-1',
    loginUrl: 'https://sso.tokyo.example.com/saml',
    alternates: [
      { name: 'Osaka backup', ccpUrl: OSAKA, region: 'ap-northeast-3', loginUrl: 'https://sso.osaka.example.com/saml' },
      { name: 'Lab', ccpUrl: LAB },
    ],
  },
  approvedOrigins: ['https://crm.example.com'],
});

function ok(chosenInstance?: { ccpUrl: string } | null): Extract<PolicyState, { status: 'ok' }> {
  return {
    status: 'ok',
    policy,
    provenance: {},
    ignoredLocal: [],
    mode: 'organization',
    delivery: 'none',
    checkedAt: '2026-12-02T00:00:00.000Z',
    ...(chosenInstance === undefined ? {} : { chosenInstance }),
  };
}

describe('the organization’s instances', () => {
  it('lists the default first, unnamed, then each alternate by name', () => {
    expect(organizationInstances(policy).map((instance) => [instance.name, instance.ccpUrl])).toEqual([
      [null, TOKYO],
      ['Osaka backup', OSAKA],
      ['Lab', LAB],
    ]);
    expect(offersInstanceChoice(policy)).toBe(true);
    expect(offersInstanceChoice(applyDefaults({ instance: { ccpUrl: TOKYO } }))).toBe(false);
  });
});

describe('the instance in force', () => {
  it('is the remembered pick when the policy lists it', () => {
    expect(instanceInForce(policy, { ccpUrl: OSAKA })).toEqual({
      chosen: true,
      instance: { name: 'Osaka backup', ccpUrl: OSAKA, loginUrl: 'https://sso.osaka.example.com/saml', region: 'ap-northeast-3' },
    });
    expect(instanceInForce(policy, rememberedInstance(organizationInstances(policy)[0] ?? never()))).toMatchObject({
      chosen: true,
      instance: { ccpUrl: TOKYO },
    });
  });

  it('falls back to the default, unchosen, when nothing was picked', () => {
    for (const stored of [undefined, null, {}, 'x', [OSAKA], { ccpUrl: 42 }]) {
      expect(instanceInForce(policy, stored)).toMatchObject({ chosen: false, instance: { name: null, ccpUrl: TOKYO } });
    }
  });

  it('never adds an instance: an unlisted host, or one IT removed since, is ignored and the default holds', () => {
    const attempts = [
      'https://evil.my.connect.aws/ccp-v2',
      'https://attacker.example/ccp-v2',
      // Near spellings of listed ones: only the exact listed string counts.
      'https://acme-osaka.my.connect.aws/ccp-v2/',
      'https://ACME-OSAKA.my.connect.aws/ccp-v2',
      'https://acme-osaka.my.connect.aws:443/ccp-v2',
      'https://acme-osaka.my.connect.aws.evil.example/ccp-v2',
    ];
    for (const ccpUrl of attempts) expect(instanceInForce(policy, { ccpUrl })).toMatchObject({ chosen: false, instance: { ccpUrl: TOKYO } });
    const withoutOsaka = applyDefaults({ instance: { ccpUrl: TOKYO, alternates: [{ name: 'Lab', ccpUrl: LAB }] } });
    expect(instanceInForce(withoutOsaka, { ccpUrl: OSAKA })).toMatchObject({ chosen: false, instance: { ccpUrl: TOKYO } });
  });

  it('re-checks what the worker published: a page is never talked into an unlisted instance either', () => {
    expect(instanceInForceOf(ok({ ccpUrl: 'https://evil.my.connect.aws/ccp-v2' }))).toMatchObject({ chosen: false, instance: { ccpUrl: TOKYO } });
    expect(instanceInForceOf(ok())).toMatchObject({ chosen: false, instance: { ccpUrl: TOKYO } });
    expect(instanceInForceOf(ok({ ccpUrl: LAB }))).toMatchObject({ chosen: true, instance: { name: 'Lab' } });
  });
});

describe('the policy a desk enforces', () => {
  it('names the instance in force alone: the others and their login pages are not approved', () => {
    const enforced = policyInForceOf(ok({ ccpUrl: OSAKA }));
    expect(enforced.instance).toEqual({ ccpUrl: OSAKA, loginUrl: 'https://sso.osaka.example.com/saml', region: 'ap-northeast-3', alternates: [] });
    const approved = approvedOriginsFromEffectivePolicy(enforced);
    expect(approved.instanceOrigins).toEqual(['https://acme-osaka.my.connect.aws']);
    expect(approved.matches(TOKYO)).toBe(false);
    expect(approved.matches('https://sso.tokyo.example.com/saml')).toBe(false);
    expect(approved.matches('https://sso.osaka.example.com/saml')).toBe(true);
    expect(approved.matches('https://crm.example.com/x')).toBe(true);
    // Everything else in the policy is untouched.
    expect({ ...enforced, instance: policy.instance }).toEqual(policy);
  });
});

describe('switching instance', () => {
  it('is allowed to a listed instance between contacts', () => {
    expect(checkInstanceSwitch(policy, LAB, false)).toMatchObject({ ok: true, instance: { name: 'Lab' } });
    expect(checkInstanceSwitch(policy, TOKYO, false)).toMatchObject({ ok: true, instance: { name: null } });
  });

  it('is refused for an unlisted instance, and while a contact is live', () => {
    expect(checkInstanceSwitch(policy, 'https://evil.my.connect.aws/ccp-v2', false)).toEqual({ ok: false, reason: 'unlisted' });
    expect(checkInstanceSwitch(policy, 'https://evil.my.connect.aws/ccp-v2', true)).toEqual({ ok: false, reason: 'unlisted' });
    expect(checkInstanceSwitch(policy, OSAKA, true)).toEqual({ ok: false, reason: 'contact_live' });
  });
});

function never(): never {
  throw new Error('unreachable');
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDelivery } from '../../../src/core/policy/integrity/checkDelivery.ts';
import { canonicalJson } from '../../../src/core/policy/integrity/canonicalJson.ts';
import { sealedPolicy, SEAL_KEY } from '../../../src/core/policy/integrity/policySeal.ts';
import { mergePolicies } from '../../../src/core/policy/mergePolicies.ts';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';
import { chromeManagedFilter } from './support/chromeManagedFilter.ts';

const managedSchema = JSON.parse(readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8')) as Parameters<
  typeof chromeManagedFilter
>[1];
const options = { regexSafety: checkRegexSafety };

const policy = {
  instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2', region: 'ap-northeast-1' },
  approvedOrigins: ['https://crm.example.com'],
  masking: { detectors: { ssn: true }, attributeRules: [{ match: 'memberId', kind: 'secret' }] },
  roles: { elevatedViewAllowed: true, supervisors: { usernames: ['sam'] }, revealableKinds: ['phone'], revealSeconds: 30 },
  risk: { denyList: ['+81312345678'] },
  framing: {},
};

describe('canonicalJson', () => {
  it('is independent of key order and whitespace', () => {
    expect(canonicalJson({ b: [1, { d: true, c: 'x' }], a: null })).toBe(canonicalJson(JSON.parse('{ "a": null, "b": [1, {"c": "x", "d": true}] }')));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});

describe('checkDelivery: the export seal against what Chrome delivers', () => {
  const sealed = sealedPolicy(policy);

  it('verifies an export that Chrome delivered unaltered, in any key order', () => {
    const delivered = chromeManagedFilter(JSON.parse(JSON.stringify(sealed)) as Record<string, unknown>, managedSchema);
    expect(checkDelivery(delivered)).toEqual({ status: 'verified' });
    const reordered = Object.fromEntries(Object.entries(delivered).reverse());
    expect(checkDelivery(reordered)).toEqual({ status: 'verified' });
  });

  it('names the section Chrome dropped for a value of the wrong type', () => {
    // A string where a boolean belongs: Chrome drops the whole `roles` key.
    const edited = { ...sealed, roles: { ...policy.roles, elevatedViewAllowed: 'true' } };
    const delivered = chromeManagedFilter(edited, managedSchema);
    expect(delivered).not.toHaveProperty('roles');
    const check = checkDelivery(delivered);
    expect(check.status).toBe('altered');
    if (check.status !== 'altered') return;
    expect(check.errors.map((error) => error.pointer)).toEqual(['/roles']);
    expect(check.errors[0]?.message).toMatch(/did not deliver/);
  });

  it('names a value that was edited by hand with a valid type (as in the Windows registry)', () => {
    const edited = { ...sealed, roles: { ...policy.roles, revealSeconds: 600 } };
    const check = checkDelivery(chromeManagedFilter(edited, managedSchema));
    expect(check.status === 'altered' ? check.changed : []).toEqual(['/roles/revealSeconds']);
  });

  it('catches a list entry Chrome skipped and a key added by hand', () => {
    const edited = { ...sealed, approvedOrigins: ['https://crm.example.com', 42], dialing: { defaultCountry: 'JP' } };
    const delivered = chromeManagedFilter(edited, managedSchema);
    expect(delivered['approvedOrigins']).toEqual(['https://crm.example.com']);
    const check = checkDelivery(delivered);
    expect(check.status === 'altered' ? check.added : []).toEqual(['/dialing/defaultCountry']);
    // The skipped entry left the list as exported: nothing else to report.
    expect(check.status === 'altered' ? check.changed : ['x']).toEqual([]);
  });

  it('names a single dropped setting inside a section that otherwise arrived', () => {
    const { framing: _framing, ...withoutFraming } = sealed;
    void _framing;
    const check = checkDelivery(withoutFraming);
    expect(check.status === 'altered' ? check.errors.map((error) => error.pointer) : []).toEqual(['/framing']);
  });

  it('refuses an unreadable seal, and leaves a policy without one unchecked', () => {
    expect(checkDelivery({ ...policy, [SEAL_KEY]: 'not json' }).status).toBe('altered');
    expect(checkDelivery(policy)).toEqual({ status: 'unchecked' });
  });

  it('mergePolicies refuses the whole managed policy when values were dropped, and accepts the export as is', () => {
    const local = { instance: { ccpUrl: 'https://elsewhere.my.connect.aws/ccp-v2' } };
    const dropped = chromeManagedFilter({ ...sealed, roles: { ...policy.roles, elevatedViewAllowed: 'yes' } }, managedSchema);
    expect(mergePolicies(dropped, local, options)).toMatchObject({
      status: 'dropped-managed',
      missing: expect.arrayContaining(['/roles/elevatedViewAllowed']),
    });
    const intact = mergePolicies(chromeManagedFilter(sealed, managedSchema), local, options);
    expect(intact).toMatchObject({ status: 'ok', delivery: 'verified', mode: 'organization' });
    expect(mergePolicies(policy, local, options)).toMatchObject({ status: 'ok', delivery: 'unchecked' });
  });
});

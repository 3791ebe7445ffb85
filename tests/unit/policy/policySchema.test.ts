import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MANAGED_SCHEMA_PATH, VALIDATORS_PATH, generateManagedSchemaJson, generateValidatorsModule } from '../../../scripts/generate-managed-schema.ts';
import type { Policy } from '../../../src/core/policy/Policy.ts';
import { policySchema, type JsonSchema } from '../../../src/core/policy/policySchema.ts';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';
import { validatePolicy } from '../../../src/core/policy/validatePolicy.ts';

const options = { regexSafety: checkRegexSafety };

describe('generated artifacts', () => {
  it('public/managed_schema.json is what generation produces', () => {
    expect(readFileSync(MANAGED_SCHEMA_PATH, 'utf8'), 'run: npx tsx scripts/generate-managed-schema.ts').toBe(generateManagedSchemaJson());
  });

  it('the committed ajv validators are what generation produces', () => {
    expect(readFileSync(VALIDATORS_PATH, 'utf8') === generateValidatorsModule(), 'run: npx tsx scripts/generate-managed-schema.ts').toBe(true);
  });

  it('the generated validators need no eval at run time (the extension CSP forbids it)', () => {
    const code = readFileSync(VALIDATORS_PATH, 'utf8');
    expect(code).not.toMatch(/new Function|\beval\(|require\(/);
  });

  it('the managed schema uses only keywords Chrome accepts, and types every node', () => {
    const allowed = new Set(['type', 'title', 'description', 'properties', 'items']);
    const visit = (node: Record<string, unknown>, path: string): void => {
      for (const key of Object.keys(node)) expect(allowed.has(key), `${path}: ${key}`).toBe(true);
      expect(typeof node['type'], path).toBe('string');
      const properties = node['properties'];
      if (typeof properties === 'object' && properties !== null) {
        for (const [key, child] of Object.entries(properties)) visit(child as Record<string, unknown>, `${path}/${key}`);
      }
      const items = node['items'];
      if (typeof items === 'object' && items !== null) visit(items as Record<string, unknown>, `${path}/items`);
    };
    visit(JSON.parse(readFileSync(MANAGED_SCHEMA_PATH, 'utf8')) as Record<string, unknown>, '');
  });
});

describe('schema and Policy type stay in step', () => {
  // Every field of Policy, typed: a field added to Policy.ts without the schema fails here.
  const everyField = {
    instance: {
      ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2',
      loginUrl: 'https://shield-demo.my.connect.aws/connect/login',
      region: 'us-west-2',
      alternates: [
        { name: 'Backup', ccpUrl: 'https://backup.awsapps.com/connect/ccp-v2', loginUrl: 'https://backup.awsapps.com/connect/login', region: 'us-east-1' },
      ],
    },
    approvedOrigins: ['https://crm.example.com', 'https://*.kb.example.com'],
    masking: {
      detectors: { pan: true, ssn: true, myNumber: true, iban: true, abaRouting: true, email: false, phone: true, dob: true, ciphertext: true },
      attributeRules: [{ match: 'card_*', kind: 'pan' }],
      patterns: [{ name: 'Member', regex: 'MB-[0-9]{8}', display: 'label' }],
      display: {
        pan: 'label',
        ssn: 'full',
        myNumber: 'label',
        iban: 'lastFour',
        abaRouting: 'full',
        accountNumber: 'lastFour',
        email: 'label',
        phone: 'lastFour',
        dob: 'full',
        ciphertext: 'label',
        secret: 'full',
        custom: 'full',
      },
    },
    roles: {
      elevatedViewAllowed: true,
      supervisors: { usernames: ['a'], routingProfiles: ['b'], permissions: ['c'] },
      revealableKinds: ['phone'],
      revealSeconds: 60,
      reasonRequired: false,
    },
    secureIvr: {
      fields: [
        { label: 'Card', valueAttribute: 'card', statusAttribute: 'card_status', statusValues: { captured: ['ok'], inProgress: ['busy'], failed: ['bad'] } },
      ],
    },
    risk: { denyList: ['+14155550100'], repeatContact: { count: 3, windowMinutes: 60 } },
    dialing: { defaultCountry: 'US', allowedCountries: ['US', 'CA'] },
    audit: { endpoint: 'https://crm.example.com/otlp/v1/logs', retentionDays: 7 },
    framing: { compatibilityMode: true },
    ccp: { showNativePanel: true },
    chat: { replyCheck: 'block', agentAttachments: true },
    card: { attributes: [{ match: 'cardNumber', label: { en: 'Card number', ja: 'カード番号' }, hidden: false }] },
  } satisfies Required<Omit<Policy, 'integrity'>>;

  it('accepts a policy that sets every field the type has', () => {
    const result = validatePolicy(everyField, options);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('the schema names exactly the top-level keys of Policy', () => {
    const typeKeys = Object.keys({
      instance: true,
      approvedOrigins: true,
      masking: true,
      roles: true,
      secureIvr: true,
      risk: true,
      dialing: true,
      audit: true,
      framing: true,
      ccp: true,
      chat: true,
      card: true,
      integrity: true,
    } satisfies Record<keyof Policy, true>);
    expect(Object.keys(policySchema.properties ?? {}).sort()).toEqual(typeKeys.sort());
  });

  it('every object in the schema refuses unknown keys', () => {
    const visit = (node: JsonSchema, path: string): void => {
      if (node.type === 'object') expect(node.additionalProperties, path).toBe(false);
      for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, `${path}/${key}`);
      if (node.items) visit(node.items, `${path}/items`);
    };
    visit(policySchema, '');
  });
});

describe('examples', () => {
  it.each(['minimal', 'full', 'demo'])('examples/policies/%s.json is valid', (name) => {
    const document: unknown = JSON.parse(readFileSync(new URL(`../../../examples/policies/${name}.json`, import.meta.url), 'utf8'));
    const result = validatePolicy(document, options);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('minimal.json holds only instance.ccpUrl', () => {
    const document: unknown = JSON.parse(readFileSync(new URL('../../../examples/policies/minimal.json', import.meta.url), 'utf8'));
    expect(document).toEqual({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' } });
  });

  it('full.json sets every top-level section', () => {
    const document = JSON.parse(readFileSync(new URL('../../../examples/policies/full.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    // `integrity` is written by policy export, never by hand.
    expect(Object.keys(document).sort()).toEqual(
      Object.keys(policySchema.properties ?? {})
        .filter((key) => key !== 'integrity')
        .sort(),
    );
  });
});

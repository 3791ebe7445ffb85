import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';
import { validatePolicy } from '../../../src/core/policy/validatePolicy.ts';

const CCP = 'https://shield-demo.my.connect.aws/ccp-v2';
const base = { instance: { ccpUrl: CCP } };
const options = { regexSafety: checkRegexSafety };

interface BrokenCase {
  name: string;
  policy: unknown;
  pointer: string;
  message: RegExp;
}

const corpus: BrokenCase[] = [
  { name: 'not an object', policy: [base], pointer: '', message: /must be a JSON object/ },
  { name: 'no instance', policy: { approvedOrigins: [] }, pointer: '/instance', message: /Required setting "instance" is missing/ },
  {
    name: 'no ccpUrl',
    policy: { instance: { region: 'us-west-2' } },
    pointer: '/instance/ccpUrl',
    message: /Required setting "ccpUrl" is missing in \/instance/,
  },
  {
    name: 'unknown top-level key',
    policy: { ...base, approvedOrigin: [] },
    pointer: '/approvedOrigin',
    message: /^Unknown key "approvedOrigin" \(did you mean "approvedOrigins"\?\)$/,
  },
  {
    name: 'unknown key in masking',
    policy: { ...base, masking: { detector: {} } },
    pointer: '/masking/detector',
    message: /^Unknown key "detector" \(did you mean "detectors"\?\)$/,
  },
  {
    name: 'unknown detector',
    policy: { ...base, masking: { detectors: { creditCard: true } } },
    pointer: '/masking/detectors/creditCard',
    message: /Unknown key "creditCard"\. Allowed here: "pan"/,
  },
  {
    name: 'unknown key in an array item',
    policy: { ...base, masking: { patterns: [{ name: 'x', regex: 'X[0-9]+', colour: 'red' }] } },
    pointer: '/masking/patterns/0/colour',
    message: /Unknown key "colour"/,
  },
  {
    name: 'unknown key deep in secure IVR',
    policy: { ...base, secureIvr: { fields: [{ label: 'Card', valueAttribute: 'c', statusAttribute: 's', statusValues: { done: ['ok'] } }] } },
    pointer: '/secureIvr/fields/0/statusValues/done',
    message: /Unknown key "done"/,
  },
  {
    name: 'approvedOrigins not an array',
    policy: { ...base, approvedOrigins: 'https://crm.example.com' },
    pointer: '/approvedOrigins',
    message: /^Expected an array but found a string\.$/,
  },
  {
    name: 'boolean as string',
    policy: { ...base, roles: { elevatedViewAllowed: 'true' } },
    pointer: '/roles/elevatedViewAllowed',
    message: /Expected a boolean but found a string/,
  },
  {
    name: 'fractional revealSeconds',
    policy: { ...base, roles: { revealSeconds: 2.5 } },
    pointer: '/roles/revealSeconds',
    message: /Expected a whole number but found a number with a fraction/,
  },
  { name: 'revealSeconds negative', policy: { ...base, roles: { revealSeconds: -30 } }, pointer: '/roles/revealSeconds', message: /Must be at least 5/ },
  { name: 'http origin', policy: { ...base, approvedOrigins: ['http://crm.example.com'] }, pointer: '/approvedOrigins/0', message: /Only https origins/ },
  {
    name: 'origin with path',
    policy: { ...base, approvedOrigins: ['https://crm.example.com/app'] },
    pointer: '/approvedOrigins/0',
    message: /remove the path/,
  },
  {
    name: 'origin with userinfo',
    policy: { ...base, approvedOrigins: ['https://admin@crm.example.com'] },
    pointer: '/approvedOrigins/0',
    message: /user name or password/,
  },
  {
    name: 'bad wildcard',
    policy: { ...base, approvedOrigins: ['https://*evil.com'] },
    pointer: '/approvedOrigins/0',
    message: /wildcard is allowed only as a whole leading label/,
  },
  {
    name: 'wildcard over a TLD',
    policy: { ...base, approvedOrigins: ['https://*.com'] },
    pointer: '/approvedOrigins/0',
    message: /must cover a registered domain/,
  },
  // The extension enforces the same syntax as the validator: an entry it would ignore is an error here.
  { name: 'IP address origin', policy: { ...base, approvedOrigins: ['https://10.0.0.7'] }, pointer: '/approvedOrigins/0', message: /not an IP address/ },
  { name: 'trailing dot', policy: { ...base, approvedOrigins: ['https://crm.example.com.'] }, pointer: '/approvedOrigins/0', message: /trailing dot/ },
  {
    name: 'non-canonical origin',
    policy: { ...base, approvedOrigins: ['https://CRM.Example.com:443'] },
    pointer: '/approvedOrigins/0',
    message: /canonical form: "https:\/\/crm\.example\.com"/,
  },
  {
    name: 'unicode host',
    policy: { ...base, approvedOrigins: ['https://bücher.example'] },
    pointer: '/approvedOrigins/0',
    message: /"https:\/\/xn--bcher-kva\.example"/,
  },
  {
    name: 'duplicate origin',
    policy: { ...base, approvedOrigins: ['https://crm.example.com', 'https://crm.example.com'] },
    pointer: '/approvedOrigins/1',
    message: /Listed twice/,
  },
  {
    name: 'non-Connect ccpUrl',
    policy: { instance: { ccpUrl: 'https://connect.example.com/ccp-v2' } },
    pointer: '/instance/ccpUrl',
    message: /Not an Amazon Connect host/,
  },
  {
    name: 'ccpUrl with userinfo',
    policy: { instance: { ccpUrl: 'https://user:pw@shield-demo.my.connect.aws/ccp-v2' } },
    pointer: '/instance/ccpUrl',
    message: /must not contain a user name or password/,
  },
  {
    name: 'ccpUrl not the CCP page',
    policy: { instance: { ccpUrl: 'https://shield-demo.my.connect.aws/connect/home' } },
    pointer: '/instance/ccpUrl',
    message: /Not the CCP page/,
  },
  { name: 'http ccpUrl', policy: { instance: { ccpUrl: 'http://shield-demo.my.connect.aws/ccp-v2' } }, pointer: '/instance/ccpUrl', message: /must use https/ },
  {
    name: 'alternate ccpUrl invalid',
    policy: { instance: { ccpUrl: CCP, alternates: [{ name: 'B', ccpUrl: 'https://evil.example/ccp-v2' }] } },
    pointer: '/instance/alternates/0/ccpUrl',
    message: /Not an Amazon Connect host/,
  },
  {
    name: 'alternate without name',
    policy: { instance: { ccpUrl: CCP, alternates: [{ ccpUrl: 'https://other.my.connect.aws/ccp-v2' }] } },
    pointer: '/instance/alternates/0/name',
    message: /Required setting "name"/,
  },
  {
    name: 'alternate duplicates the default',
    policy: { instance: { ccpUrl: CCP, alternates: [{ name: 'Same', ccpUrl: CCP }] } },
    pointer: '/instance/alternates/0/ccpUrl',
    message: /already listed as the default instance/,
  },
  {
    name: 'login page not approved',
    policy: { instance: { ccpUrl: CCP, loginUrl: 'https://idp.example.com/saml' } },
    pointer: '/instance/loginUrl',
    message: /add "https:\/\/idp\.example\.com" to approvedOrigins/,
  },
  {
    name: 'bad region',
    policy: { instance: { ccpUrl: CCP, region: 'Tokyo' } },
    pointer: '/instance/region',
    message: /Amazon Connect does not serve this region/,
  },
  {
    name: 'regex does not compile',
    policy: { ...base, masking: { patterns: [{ name: 'Broken', regex: '([0-9]+' }] } },
    pointer: '/masking/patterns/0/regex',
    message: /does not compile with the "u" flag/,
  },
  {
    name: 'regex invalid only under u',
    policy: { ...base, masking: { patterns: [{ name: 'Escape', regex: 'ID\\_[0-9]+' }] } },
    pointer: '/masking/patterns/0/regex',
    message: /does not compile/,
  },
  {
    name: 'catastrophic regex',
    policy: { ...base, masking: { patterns: [{ name: 'Evil', regex: '(a+)+$' }] } },
    pointer: '/masking/patterns/0/regex',
    message: /unsafe: it can take exponential time/,
  },
  {
    name: 'overlapping alternation',
    policy: { ...base, masking: { patterns: [{ name: 'Evil2', regex: '^(a|aa)+$' }] } },
    pointer: '/masking/patterns/0/regex',
    message: /unsafe/,
  },
  {
    name: 'regex matching empty',
    policy: { ...base, masking: { patterns: [{ name: 'Empty', regex: '[0-9]*' }] } },
    pointer: '/masking/patterns/0/regex',
    message: /matches an empty string/,
  },
  {
    name: 'duplicate pattern name',
    policy: {
      ...base,
      masking: {
        patterns: [
          { name: 'A', regex: 'A[0-9]{3}' },
          { name: 'A', regex: 'B[0-9]{3}' },
        ],
      },
    },
    pointer: '/masking/patterns/1/name',
    message: /already used by pattern 0/,
  },
  {
    name: 'pan switched off',
    policy: { ...base, masking: { detectors: { pan: false } } },
    pointer: '/masking/detectors/pan',
    message: /Card-number detection cannot be switched off/,
  },
  {
    name: 'ciphertext switched off',
    policy: { ...base, masking: { detectors: { ciphertext: false } } },
    pointer: '/masking/detectors/ciphertext',
    message: /Ciphertext detection cannot be switched off/,
  },
  {
    name: 'display.pan invalid',
    policy: { ...base, masking: { display: { pan: 'firstSix' } } },
    pointer: '/masking/display/pan',
    message: /"firstSix" is not allowed here; use one of "lastFour", "full", "label"\. Card numbers are never shown beyond their last four digits\./,
  },
  {
    name: 'attribute rule with unknown kind',
    policy: { ...base, masking: { attributeRules: [{ match: 'card', kind: 'creditcard' }] } },
    pointer: '/masking/attributeRules/0/kind',
    message: /"creditcard" is not allowed here; use one of "pan"/,
  },
  {
    name: 'pan revealable',
    policy: { ...base, roles: { revealableKinds: ['phone', 'pan'] } },
    pointer: '/roles/revealableKinds/1',
    message: /Card numbers cannot be revealed/,
  },
  { name: 'E.164 wrong', policy: { ...base, risk: { denyList: ['03-1234-5678'] } }, pointer: '/risk/denyList/0', message: /Not an E\.164 number/ },
  {
    name: 'repeatContact incomplete',
    policy: { ...base, risk: { repeatContact: { count: 3 } } },
    pointer: '/risk/repeatContact/windowMinutes',
    message: /Required setting "windowMinutes"/,
  },
  {
    name: 'lower-case country',
    policy: { ...base, dialing: { defaultCountry: 'jp', allowedCountries: ['jp'] } },
    pointer: '/dialing/defaultCountry',
    message: /^Country codes are written in capitals \(did you mean "JP"\?\)\.$/,
  },
  {
    name: 'lower-case allowed country',
    policy: { ...base, dialing: { allowedCountries: ['JP', 'gb'] } },
    pointer: '/dialing/allowedCountries/1',
    message: /^Country codes are written in capitals \(did you mean "GB"\?\)\.$/,
  },
  // No suggestion of a code the dialing rules would refuse next.
  {
    name: 'lower-case non-country',
    policy: { ...base, dialing: { defaultCountry: 'xx' } },
    pointer: '/dialing/defaultCountry',
    message: /^Not a country code; write an ISO 3166-1 alpha-2 code in capitals/,
  },
  {
    name: 'swapped letters in a key',
    policy: { instance: { ccpUrl: CCP, regoin: 'us-east-1' } },
    pointer: '/instance/regoin',
    message: /^Unknown key "regoin" \(did you mean "region"\?\)$/,
  },
  {
    name: 'swapped letters in a detector',
    policy: { ...base, masking: { detectors: { emial: false } } },
    pointer: '/masking/detectors/emial',
    message: /^Unknown key "emial" \(did you mean "email"\?\)$/,
  },
  {
    name: 'misspelt kind',
    policy: { ...base, masking: { attributeRules: [{ match: 'mail', kind: 'emial' }] } },
    pointer: '/masking/attributeRules/0/kind',
    message: /^"emial" is not allowed here \(did you mean "email"\?\); use one of "pan"/,
  },
  {
    name: 'misspelt revealable kind',
    policy: { ...base, roles: { revealableKinds: ['phnoe'] } },
    pointer: '/roles/revealableKinds/0',
    message: /\(did you mean "phone"\?\)/,
  },
  {
    name: 'policy init placeholder',
    policy: { instance: { ccpUrl: 'https://your-instance.my.connect.aws/ccp-v2' } },
    pointer: '/instance/ccpUrl',
    message: /^"your-instance" is the placeholder from policy init; replace it with your instance's alias/,
  },
  {
    name: 'placeholder as an alternate',
    policy: { instance: { ccpUrl: CCP, alternates: [{ name: 'B', ccpUrl: 'https://your-instance.awsapps.com/connect/ccp-v2' }] } },
    pointer: '/instance/alternates/0/ccpUrl',
    message: /placeholder from policy init/,
  },
  {
    name: 'unknown country',
    policy: { ...base, dialing: { allowedCountries: ['XX'] } },
    pointer: '/dialing/allowedCountries/0',
    message: /Not a country the dialing rules know/,
  },
  {
    name: 'default country not allowed',
    policy: { ...base, dialing: { defaultCountry: 'US', allowedCountries: ['JP'] } },
    pointer: '/dialing/defaultCountry',
    message: /not among allowedCountries/,
  },
  {
    name: 'audit endpoint not approved',
    policy: { ...base, audit: { endpoint: 'https://collector.example.net/v1/logs' } },
    pointer: '/audit/endpoint',
    message: /not an approved origin; add "https:\/\/collector\.example\.net"/,
  },
  {
    name: 'audit endpoint over http',
    policy: { ...base, approvedOrigins: ['https://collector.example.net'], audit: { endpoint: 'http://collector.example.net/v1/logs' } },
    pointer: '/audit/endpoint',
    message: /Must be an https URL/,
  },
  { name: 'retentionDays zero', policy: { ...base, audit: { retentionDays: 0 } }, pointer: '/audit/retentionDays', message: /Must be at least 1/ },
  {
    name: 'compatibilityMode as number',
    policy: { ...base, framing: { compatibilityMode: 1 } },
    pointer: '/framing/compatibilityMode',
    message: /Expected a boolean but found a whole number/,
  },
  {
    name: 'status word with two meanings',
    policy: {
      ...base,
      secureIvr: {
        fields: [{ label: 'Card', valueAttribute: 'card', statusAttribute: 'card_status', statusValues: { captured: ['done'], failed: ['DONE'] } }],
      },
    },
    pointer: '/secureIvr/fields/0/statusValues/failed/0',
    message: /also listed under "captured"/,
  },
  {
    name: 'secure field status is its value',
    policy: { ...base, secureIvr: { fields: [{ label: 'Card', valueAttribute: 'card', statusAttribute: 'card' }] } },
    pointer: '/secureIvr/fields/0/statusAttribute',
    message: /must differ from the value attribute/,
  },
];

describe('broken policies', () => {
  it('has a corpus of at least 25 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
  });

  it.each(corpus)('rejects: $name', ({ policy, pointer, message }) => {
    const result = validatePolicy(policy, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const atPointer = result.errors.filter((error) => error.pointer === pointer);
    expect(atPointer, JSON.stringify(result.errors)).not.toHaveLength(0);
    expect(atPointer.map((error) => error.message).join('\n')).toMatch(message);
  });

  it('reports every problem of a document in one run, schema and semantic alike', () => {
    const result = validatePolicy(
      {
        instance: { ccpUrl: 'https://evil.example/ccp-v2', regio: 'x' },
        approvedOrigins: ['http://a.example.com'],
        masking: { detectors: { pan: false } },
      },
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.pointer).sort()).toEqual(['/approvedOrigins/0', '/instance/ccpUrl', '/instance/regio', '/masking/detectors/pan']);
  });

  it('never repeats a deny-listed number in its message', () => {
    const result = validatePolicy({ ...base, risk: { denyList: ['0312345678'] } }, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(JSON.stringify(result.errors)).not.toContain('0312345678');
  });
});

import { describe, expect, it } from 'vitest';
import { approvedOriginsFromPolicy, createApprovedOrigins } from '../../../src/core/origins/ApprovedOrigins.ts';
import type { Policy } from '../../../src/core/policy/Policy.ts';

describe('createApprovedOrigins', () => {
  const approved = createApprovedOrigins({
    instanceOrigins: ['https://shield-demo.my.connect.aws'],
    approvedOrigins: ['https://crm.example.com', 'https://*.kb.example.com', 'http://legacy.example.com', 'https://crm.example.com/'],
  });

  it('keeps valid patterns once and reports the rejected ones', () => {
    expect(approved.patterns.map((p) => p.text)).toEqual(['https://shield-demo.my.connect.aws', 'https://crm.example.com', 'https://*.kb.example.com']);
    expect(approved.rejected).toEqual([{ text: 'http://legacy.example.com', problem: 'not_https' }]);
    expect(approved.instanceOrigins).toEqual(['https://shield-demo.my.connect.aws']);
  });

  it('matches URLs on scheme, host and port', () => {
    expect(approved.matches('https://shield-demo.my.connect.aws/ccp-v2/')).toBe(true);
    expect(approved.matches('https://crm.example.com/x')).toBe(true);
    expect(approved.matches('https://deep.a.kb.example.com/')).toBe(true);
    expect(approved.matches('https://kb.example.com/')).toBe(false);
    expect(approved.matches('http://crm.example.com/')).toBe(false);
    expect(approved.matches('https://crm.example.com:444/')).toBe(false);
    expect(approved.matches('https://a@crm.example.com/')).toBe(false);
    expect(approved.matches('https://crm.example.com./')).toBe(false);
    expect(approved.matches('not a url')).toBe(false);
    expect(approved.matches('/relative')).toBe(false);
  });

  it('refuses a wildcard as an instance origin', () => {
    const built = createApprovedOrigins({ instanceOrigins: ['https://*.my.connect.aws'], approvedOrigins: [] });
    expect(built.instanceOrigins).toEqual([]);
    expect(built.rejected).toEqual([{ text: 'https://*.my.connect.aws', problem: 'bad_wildcard' }]);
    expect(built.matches('https://x.my.connect.aws/ccp-v2')).toBe(false);
  });
});

describe('approvedOriginsFromPolicy', () => {
  it('takes the instance, its alternates, login URLs and approvedOrigins', () => {
    const policy: Policy = {
      instance: {
        ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2',
        loginUrl: 'https://idp.example.com/saml/connect?x=1',
        alternates: [{ name: 'DR', ccpUrl: 'https://shield-dr.awsapps.com/connect/ccp-v2' }],
      },
      approvedOrigins: ['https://crm.example.com'],
    };
    const approved = approvedOriginsFromPolicy(policy);
    expect(approved.instanceOrigins).toEqual(['https://shield-demo.my.connect.aws', 'https://shield-dr.awsapps.com']);
    expect(approved.matches('https://idp.example.com/saml')).toBe(true);
    expect(approved.matches('https://crm.example.com/')).toBe(true);
    expect(approved.matches('https://shield-dr.awsapps.com/connect/ccp-v2')).toBe(true);
    expect(approved.matches('https://evil.my.connect.aws/ccp-v2')).toBe(false);
  });

  it('approves nothing for an instance URL that is not a CCP', () => {
    const approved = approvedOriginsFromPolicy({ instance: { ccpUrl: 'https://evil.test/ccp-v2', loginUrl: 'http://idp.example.com/' } });
    expect(approved.instanceOrigins).toEqual([]);
    expect(approved.patterns).toEqual([]);
  });
});

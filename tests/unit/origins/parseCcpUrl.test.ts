import { describe, expect, it } from 'vitest';
import { parseCcpUrl } from '../../../src/core/origins/parseCcpUrl.ts';
import type { CcpUrlProblem } from '../../../src/core/origins/parseCcpUrl.ts';

describe('parseCcpUrl accepts', () => {
  it('a my.connect.aws CCP', () => {
    expect(parseCcpUrl('https://shield-demo.my.connect.aws/ccp-v2')).toEqual({
      ok: true,
      ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2',
      origin: 'https://shield-demo.my.connect.aws',
      host: 'shield-demo.my.connect.aws',
      alias: 'shield-demo',
      domain: 'my.connect.aws',
      partition: 'aws',
    });
  });

  it('an awsapps.com CCP, mixed case, default port and trailing slash', () => {
    expect(parseCcpUrl(' HTTPS://Shield-Demo.AWSAPPS.com:443/connect/ccp-v2/ ')).toMatchObject({
      ok: true,
      ccpUrl: 'https://shield-demo.awsapps.com/connect/ccp-v2/',
      origin: 'https://shield-demo.awsapps.com',
      alias: 'shield-demo',
      domain: 'awsapps.com',
    });
  });
});

describe('parseCcpUrl refuses', () => {
  const cases: [string, CcpUrlProblem][] = [
    ['not a url', 'malformed'],
    ['http://shield-demo.my.connect.aws/ccp-v2', 'not_https'],
    ['https://user:pw@shield-demo.my.connect.aws/ccp-v2', 'has_credentials'],
    ['https://shield-demo.my.connect.aws:8443/ccp-v2', 'has_port'],
    ['https://evil.test/ccp-v2', 'not_connect_host'],
    ['https://shield-demo.my.connect.aws.evil.test/ccp-v2', 'not_connect_host'],
    ['https://my.connect.aws/ccp-v2', 'not_connect_host'],
    ['https://a.b.my.connect.aws/ccp-v2', 'not_connect_host'],
    ['https://shield-demo.my.connect.aws./ccp-v2', 'not_connect_host'],
    ['https://-bad.my.connect.aws/ccp-v2', 'not_connect_host'],
    ['https://evil.test\\@shield-demo.my.connect.aws/ccp-v2', 'not_connect_host'],
    ['https://shield-demo.my.connect.aws/ccp', 'not_ccp_path'],
    ['https://shield-demo.my.connect.aws/connect/ccp-v2', 'not_ccp_path'],
    ['https://shield-demo.awsapps.com/ccp-v2', 'not_ccp_path'],
  ];
  it.each(cases)('%j → %s', (input, problem) => {
    expect(parseCcpUrl(input)).toEqual({ ok: false, problem });
  });
});

import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';
import { validatePolicy } from '../../../src/core/policy/validatePolicy.ts';
import { buildDnrRules, DNR_RULE_IDS } from '../../../src/core/origins/buildDnrRules.ts';
import { parseCcpUrl } from '../../../src/core/origins/parseCcpUrl.ts';
import { checkInstanceRegion } from '../../../src/core/regions/checkInstanceRegion.ts';
import { CONNECT_REGIONS, type ConnectRegion } from '../../../src/core/regions/connectRegions.ts';

const CCP = 'https://acme.my.connect.aws/ccp-v2';
const GOV_CCP = 'https://acme.govcloud.connect.aws/ccp-v2';

function errorsOf(instance: Record<string, unknown>) {
  const result = validatePolicy({ instance }, { regexSafety: checkRegexSafety });
  return result.ok ? [] : result.errors;
}

describe('policy validate and the instance Region', () => {
  it('accepts every Region the list holds on its own partition', () => {
    for (const region of CONNECT_REGIONS) {
      expect(errorsOf({ ccpUrl: region.partition === 'aws' ? CCP : GOV_CCP, region: region.name }), region.name).toEqual([]);
    }
  });

  it('refuses a Region Amazon Connect does not serve, saying so and listing the ones it does', () => {
    const errors = errorsOf({ ccpUrl: CCP, region: 'eu-west-1' });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.pointer).toBe('/instance/region');
    expect(errors[0]?.message).toContain('Amazon Connect does not serve "eu-west-1"');
    expect(errors[0]?.message).toContain('no chat (participant service) endpoint');
    expect(errors[0]?.message).toContain('ap-northeast-1');
    // Not a "did you mean eu-west-2": another country is not a typo.
    expect(errors[0]?.message).not.toContain('did you mean');
  });

  it('does not quote back a value that is not Region-shaped', () => {
    const errors = errorsOf({ ccpUrl: CCP, region: '4111 1111 1111 1111' });
    expect(errors[0]?.message).toContain('does not serve this region');
    expect(errors[0]?.message).not.toContain('4111');
  });

  it('checks alternates the same way', () => {
    const errors = errorsOf({
      ccpUrl: CCP,
      region: 'us-east-1',
      alternates: [{ name: 'B', ccpUrl: 'https://b.my.connect.aws/ccp-v2', region: 'mars-north-1' }],
    });
    expect(errors.map((error) => error.pointer)).toEqual(['/instance/alternates/0/region']);
  });

  it('refuses a GovCloud instance with a commercial Region, and the other way round', () => {
    expect(errorsOf({ ccpUrl: GOV_CCP, region: 'us-east-1' }).map((error) => error.message)).toEqual([expect.stringContaining('GovCloud')]);
    expect(errorsOf({ ccpUrl: CCP, region: 'us-gov-west-1' }).map((error) => error.message)).toEqual([expect.stringContaining('govcloud.connect.aws')]);
  });

  it('refuses a GovCloud instance without a Region (chat would go to the commercial default)', () => {
    expect(errorsOf({ ccpUrl: GOV_CCP }).map((error) => [error.pointer, error.message])).toEqual([
      ['/instance/region', expect.stringContaining('us-gov-west-1')],
    ]);
    expect(errorsOf({ ccpUrl: CCP })).toEqual([]);
  });

  it('refuses a Region whose chat endpoint does not exist', () => {
    const regions: ConnectRegion[] = [{ name: 'xx-test-1', title: 'Test', partition: 'aws', chat: false }];
    expect(checkInstanceRegion(parseCcpUrl(CCP), 'xx-test-1', regions)).toEqual([
      expect.stringContaining('no chat (participant service) endpoint in xx-test-1'),
    ]);
    expect(checkInstanceRegion(parseCcpUrl(CCP), 'xx-test-1', [{ ...regions[0], chat: true } as ConnectRegion])).toEqual([]);
  });
});

describe('GovCloud instances', () => {
  it('parse as Connect CCP URLs of the GovCloud partition', () => {
    expect(parseCcpUrl(GOV_CCP)).toMatchObject({
      ok: true,
      domain: 'govcloud.connect.aws',
      partition: 'aws-us-gov',
      origin: 'https://acme.govcloud.connect.aws',
    });
    expect(parseCcpUrl('https://acme.govcloud.connect.aws/connect/ccp-v2')).toEqual({ ok: false, problem: 'not_ccp_path' });
  });

  it('get the GovCloud participant service allowed by the network rules', () => {
    const rules = buildDnrRules({
      extensionId: 'a'.repeat(32),
      instanceOrigins: ['https://acme.govcloud.connect.aws'],
      region: 'us-gov-west-1',
      approvedOrigins: [],
      compatibilityMode: false,
    });
    expect(rules.find((rule) => rule.id === DNR_RULE_IDS.participantService)?.condition.urlFilter).toBe(
      '|https://participant.connect.us-gov-west-1.amazonaws.com/',
    );
  });

  it('a Region-shaped name outside the list gets no participant-service rule', () => {
    const rules = buildDnrRules({ extensionId: 'a'.repeat(32), instanceOrigins: [], region: 'eu-west-1', approvedOrigins: [], compatibilityMode: false });
    expect(rules.some((rule) => rule.id === DNR_RULE_IDS.participantService)).toBe(false);
  });
});

import type { ParsedCcpUrl } from '../origins/parseCcpUrl.ts';
import { CONNECT_REGIONS, connectRegionNamed, type ConnectRegion } from './connectRegions.ts';

/**
 * What the schema's list of Region names cannot say about an instance's Region. The shell always
 * starts chat at the instance Region's participant service (there is no policy switch for chat:
 * chat contacts can arrive on any instance), so a Region is refused whenever chat could not work
 * there — not only when a policy mentions chat:
 * - a Region whose participant service (chat endpoint) does not exist;
 * - a Region of the other partition than the instance's host (a GovCloud instance lives under
 *   `govcloud.connect.aws`, the others under `my.connect.aws` / `awsapps.com`);
 * - a GovCloud instance without a Region: chat would fall back to the commercial default.
 * Returns sentences for IT; an unknown Region name is the schema's to report.
 */
export function checkInstanceRegion(ccp: ParsedCcpUrl | undefined, region: unknown, regions: readonly ConnectRegion[] = CONNECT_REGIONS): string[] {
  if (region === undefined) {
    if (ccp?.ok === true && ccp.partition === 'aws-us-gov') {
      const govRegions = regions.filter((entry) => entry.partition === 'aws-us-gov').map((entry) => entry.name);
      return [`A GovCloud instance needs its Region (${govRegions.join(', ')}); without it chat would go to a commercial Region's participant service.`];
    }
    return [];
  }
  if (typeof region !== 'string') return [];
  const entry = connectRegionNamed(region, regions);
  if (entry === undefined) return [];
  const problems: string[] = [];
  if (!entry.chat) {
    problems.push(
      `Amazon Connect has no chat (participant service) endpoint in ${entry.name} (${entry.title}); chat contacts would fail in the agent's browser. Use a Region with chat.`,
    );
  }
  if (ccp?.ok === true && ccp.partition !== entry.partition) {
    problems.push(
      ccp.partition === 'aws-us-gov'
        ? `The instance is in AWS GovCloud (${ccp.domain}) but the Region ${entry.name} is not; write the GovCloud Region.`
        : `The Region ${entry.name} is in AWS GovCloud, whose instances live under govcloud.connect.aws, but the instance is on ${ccp.domain}.`,
    );
  }
  return problems;
}

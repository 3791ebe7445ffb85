/**
 * The AWS Regions where Amazon Connect runs, and for each whether it has the chat endpoint (the
 * Amazon Connect Participant Service, `participant.connect.<region>.amazonaws.com`) that the
 * shell's chat talks to. This is the one list: the manifest's host permissions and CSP
 * (`manifest.ts`), the policy schema's region rule (`policySchema.ts`), the check of a policy's
 * region (`checkInstanceRegion.ts`), the network rules' participant-service allow rule and the
 * options page's region choices are all made from it; `tests/unit/regions/` checks they agree.
 *
 * Sources (read 2026-12-02):
 * - AWS General Reference, "Amazon Connect endpoints and quotas",
 *   https://docs.aws.amazon.com/general/latest/gr/connect_region.html — the Regions and their
 *   service endpoints, the Participant Service's among them;
 * - Amazon Connect Administrator Guide, "Availability of Amazon Connect features by Region",
 *   https://docs.aws.amazon.com/connect/latest/adminguide/regions.html — the same eleven Regions;
 * - AWS GovCloud (US) User Guide, "Amazon Connect in AWS GovCloud (US)",
 *   https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-con.html — GovCloud (US-West)
 *   only, instances under `*.govcloud.connect.aws`, voice and chat in the latest CCP.
 *
 * A Region Amazon Connect adds is one entry here; then rebuild and regenerate the schema
 * (`npx tsx scripts/generate-managed-schema.ts`).
 */
export type ConnectPartition = 'aws' | 'aws-us-gov';

export interface ConnectRegion {
  /** The Region code, as a policy writes it in `instance.region`. */
  name: string;
  /** The Region's English name in the AWS documentation (shown to IT by the CLI, never translated there). */
  title: string;
  partition: ConnectPartition;
  /** The Participant Service (chat) endpoint exists in this Region. */
  chat: boolean;
}

export const CONNECT_REGIONS: readonly ConnectRegion[] = [
  { name: 'us-east-1', title: 'US East (N. Virginia)', partition: 'aws', chat: true },
  { name: 'us-west-2', title: 'US West (Oregon)', partition: 'aws', chat: true },
  { name: 'af-south-1', title: 'Africa (Cape Town)', partition: 'aws', chat: true },
  { name: 'ap-northeast-1', title: 'Asia Pacific (Tokyo)', partition: 'aws', chat: true },
  { name: 'ap-northeast-2', title: 'Asia Pacific (Seoul)', partition: 'aws', chat: true },
  { name: 'ap-southeast-1', title: 'Asia Pacific (Singapore)', partition: 'aws', chat: true },
  { name: 'ap-southeast-2', title: 'Asia Pacific (Sydney)', partition: 'aws', chat: true },
  { name: 'ca-central-1', title: 'Canada (Central)', partition: 'aws', chat: true },
  { name: 'eu-central-1', title: 'Europe (Frankfurt)', partition: 'aws', chat: true },
  { name: 'eu-west-2', title: 'Europe (London)', partition: 'aws', chat: true },
  { name: 'us-gov-west-1', title: 'AWS GovCloud (US-West)', partition: 'aws-us-gov', chat: true },
];

/**
 * The domains a partition's Connect instances live under, with the CCP's path on each
 * (`<alias>.my.connect.aws/ccp-v2`, `<alias>.awsapps.com/connect/ccp-v2`,
 * `<alias>.govcloud.connect.aws/ccp-v2`).
 */
export interface InstanceDomain {
  domain: 'my.connect.aws' | 'awsapps.com' | 'govcloud.connect.aws';
  partition: ConnectPartition;
  ccpPath: '/ccp-v2' | '/connect/ccp-v2';
}

export const INSTANCE_DOMAINS: readonly InstanceDomain[] = [
  { domain: 'my.connect.aws', partition: 'aws', ccpPath: '/ccp-v2' },
  { domain: 'awsapps.com', partition: 'aws', ccpPath: '/connect/ccp-v2' },
  { domain: 'govcloud.connect.aws', partition: 'aws-us-gov', ccpPath: '/ccp-v2' },
];

export function connectRegionNamed(name: string, regions: readonly ConnectRegion[] = CONNECT_REGIONS): ConnectRegion | undefined {
  return regions.find((region) => region.name === name);
}

/** The chat endpoint's origin in a Region (both partitions use amazonaws.com). */
export function participantServiceOrigin(region: string): string {
  return `https://participant.connect.${region}.amazonaws.com`;
}

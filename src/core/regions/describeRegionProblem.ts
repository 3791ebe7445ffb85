import { CONNECT_REGIONS, type ConnectRegion } from './connectRegions.ts';

const REGION_SHAPE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/**
 * The sentence for a policy region outside the list of Regions Amazon Connect serves. The shell
 * would start chat against `participant.connect.<region>.amazonaws.com`, which does not exist
 * there, so the failure would otherwise show only in the agent's browser. The value is quoted
 * back only when it has a Region's shape (vocabulary, never customer data).
 */
export function describeUnservedRegion(value: unknown, regions: readonly ConnectRegion[] = CONNECT_REGIONS): string {
  const named = typeof value === 'string' && REGION_SHAPE.test(value) ? `"${value}"` : 'this region';
  const served = regions.map((region) => region.name).join(', ');
  return `Amazon Connect does not serve ${named}: it has no instance and no chat (participant service) endpoint there. Write the Region of your instance, one of ${served}.`;
}

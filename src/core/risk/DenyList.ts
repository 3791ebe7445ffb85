import type { MetadataJson } from 'libphonenumber-js/core';
import { readCallerIdentity } from '../phone/readCallerIdentity.ts';

/** The policy's deny list, normalized once per policy: a verdict is one Set lookup. */
export interface DenyList {
  readonly size: number;
  has(e164: string): boolean;
}

/**
 * Entries are E.164 already (the policy validator insists), but the same number has more than one
 * E.164 spelling ("+4402079460000" and "+442079460000"): each entry goes through the same
 * normalization as callers, so both sides meet in libphonenumber's form.
 */
export function buildDenyList(entries: readonly string[], metadata: MetadataJson): DenyList {
  const numbers = new Set<string>();
  for (const entry of entries) {
    const identity = readCallerIdentity(entry, [], metadata);
    numbers.add(identity.kind === 'number' ? identity.e164 : entry);
  }
  return { size: numbers.size, has: (e164) => numbers.has(e164) };
}

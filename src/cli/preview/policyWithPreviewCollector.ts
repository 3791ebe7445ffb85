import { isJsonObject } from '../../core/policy/isJsonObject.ts';
import { SEAL_KEY, sealPolicy } from '../../core/policy/integrity/policySeal.ts';

/**
 * The policy document IT deploys, with `audit.endpoint` pointed at the preview's local OTLP
 * receiver for the run: the endpoint's origin joins `approvedOrigins` (validation requires it,
 * and the network rules then allow exactly that origin), every other audit setting (bounds,
 * collector headers) is kept, and a sealed document is sealed again, so the extension still
 * verifies that the browser delivered it whole.
 */
export function policyWithPreviewCollector(document: unknown, endpoint: string): unknown {
  if (!isJsonObject(document)) return document;
  const origin = new URL(endpoint).origin;
  const audit = isJsonObject(document['audit']) ? document['audit'] : {};
  const listed: unknown = document['approvedOrigins'];
  const approved: unknown[] = Array.isArray(listed) ? (listed as unknown[]) : [];
  const pointed: Record<string, unknown> = {
    ...document,
    approvedOrigins: approved.includes(origin) ? approved : [...approved, origin],
    audit: { ...audit, endpoint },
  };
  return SEAL_KEY in document ? { ...pointed, [SEAL_KEY]: sealPolicy(pointed) } : pointed;
}

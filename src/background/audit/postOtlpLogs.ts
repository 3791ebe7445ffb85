import { OTLP_JSON_CONTENT_TYPE } from '../../core/audit/otlp/encodeOtlpLogs.ts';

const REQUEST_TIMEOUT_MS = 30_000;

/** The collector's answer: the HTTP status (null: no answer at all) and its Retry-After, if any. */
export interface OtlpAnswer {
  status: number | null;
  retryAfterMs?: number;
}

/**
 * One `POST …/v1/logs`. No cookies or credentials of the browser go with it: only the static
 * headers the organization put in the managed policy.
 */
export async function postOtlpLogs(endpoint: string, body: Uint8Array, headers: ReadonlyArray<{ name: string; value: string }>): Promise<OtlpAnswer> {
  const requestHeaders = new Headers({ 'Content-Type': OTLP_JSON_CONTENT_TYPE });
  for (const header of headers) requestHeaders.set(header.name, header.value);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: requestHeaders,
      body: new Blob([body as BlobPart], { type: OTLP_JSON_CONTENT_TYPE }),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    return Number.isFinite(retryAfter) && retryAfter >= 0 ? { status: response.status, retryAfterMs: retryAfter * 1000 } : { status: response.status };
  } catch {
    return { status: null };
  }
}

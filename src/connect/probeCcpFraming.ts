import type { FramingRefusal } from '../core/connection/ccpHealth.ts';
import { framingVerdict } from '../core/connection/framingVerdict.ts';

/** What asking the instance for its CCP page directly says about a frame that does not come up. */
export type CcpProbeResult = { kind: 'refused'; refusal: FramingRefusal } | { kind: 'down' } | { kind: 'framable' } | { kind: 'unknown' };

/**
 * A frame refused by `frame-ancestors` or `X-Frame-Options` shows the browser's own error page,
 * which the embedding page cannot read, and Streams only sees silence — the same as an outage. So
 * the CCP page is fetched once more and its headers are read (extension pages with host
 * permissions may read them). Redirects are not followed: a sign-in page's headers say nothing
 * about the CCP's. The body is never read.
 */
export async function probeCcpFraming(ccpUrl: string, embedderOrigin: string, fetchPage: typeof fetch = fetch): Promise<CcpProbeResult> {
  let response: Response;
  try {
    response = await fetchPage(ccpUrl, { credentials: 'include', cache: 'no-store', redirect: 'manual' });
  } catch {
    return { kind: 'down' };
  }
  void response.body?.cancel().catch(() => undefined);
  if (response.type === 'opaqueredirect' || response.status === 0) return { kind: 'unknown' };
  if (response.status >= 500) return { kind: 'down' };
  if (!response.ok) return { kind: 'unknown' };
  const verdict = framingVerdict(
    { contentSecurityPolicy: response.headers.get('content-security-policy'), xFrameOptions: response.headers.get('x-frame-options') },
    embedderOrigin,
    ccpUrl,
  );
  if (verdict.allowed) return { kind: 'framable' };
  return { kind: 'refused', refusal: verdict.by === 'frame_ancestors' ? { by: 'frame_ancestors' } : { by: 'x_frame_options', value: verdict.value } };
}

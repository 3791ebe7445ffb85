import { describe, expect, it } from 'vitest';
import { probeCcpFraming } from '../../../src/connect/probeCcpFraming.ts';

const EXTENSION = 'chrome-extension://ojodoldnmcabjmcojfoebnmebmadjfdm';
const CCP = 'https://shield-demo.my.connect.aws/ccp-v2';

function answering(status: number, headers: Record<string, string> = {}): { fetchPage: typeof fetch; seen: RequestInit[] } {
  const seen: RequestInit[] = [];
  const fetchPage = ((_url: string, init: RequestInit) => {
    seen.push(init);
    return Promise.resolve(new Response(status === 204 || status === 304 ? null : 'page', { status, headers }));
  }) as typeof fetch;
  return { fetchPage, seen };
}

describe('asking the instance why the CCP frame stays silent', () => {
  it('reads a refusal from frame-ancestors or X-Frame-Options', async () => {
    expect(
      await probeCcpFraming(CCP, EXTENSION, answering(200, { 'content-security-policy': "frame-ancestors 'self' https://crm.example.com" }).fetchPage),
    ).toEqual({
      kind: 'refused',
      refusal: { by: 'frame_ancestors' },
    });
    expect(await probeCcpFraming(CCP, EXTENSION, answering(200, { 'x-frame-options': 'SAMEORIGIN' }).fetchPage)).toEqual({
      kind: 'refused',
      refusal: { by: 'x_frame_options', value: 'SAMEORIGIN' },
    });
    expect(await probeCcpFraming(CCP, EXTENSION, answering(200, { 'content-security-policy': `frame-ancestors ${EXTENSION}` }).fetchPage)).toEqual({
      kind: 'framable',
    });
  });

  it('calls a server error or no answer an outage, and a sign-in answer unknown', async () => {
    expect(await probeCcpFraming(CCP, EXTENSION, answering(503).fetchPage)).toEqual({ kind: 'down' });
    expect(await probeCcpFraming(CCP, EXTENSION, () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ kind: 'down' });
    expect(await probeCcpFraming(CCP, EXTENSION, answering(401, { 'x-frame-options': 'DENY' }).fetchPage)).toEqual({ kind: 'unknown' });
  });

  it('does not follow redirects (a login page’s headers are not the CCP’s) and sends the session cookies', async () => {
    const { fetchPage, seen } = answering(200);
    await probeCcpFraming(CCP, EXTENSION, fetchPage);
    expect(seen).toEqual([expect.objectContaining({ redirect: 'manual', credentials: 'include', cache: 'no-store' })]);
  });
});

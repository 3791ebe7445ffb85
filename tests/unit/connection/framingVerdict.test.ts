import { describe, expect, it } from 'vitest';
import { framingVerdict, type FramingHeaders } from '../../../src/core/connection/framingVerdict.ts';

const EXTENSION = 'chrome-extension://ojodoldnmcabjmcojfoebnmebmadjfdm';
const CCP = 'https://shield-demo.my.connect.aws/ccp-v2';
const headers = (contentSecurityPolicy: string | null, xFrameOptions: string | null = null): FramingHeaders => ({ contentSecurityPolicy, xFrameOptions });
const verdict = (csp: string | null, xfo: string | null = null) => framingVerdict(headers(csp, xfo), EXTENSION, CCP);

describe('framing verdict from the CCP response headers', () => {
  it('allows the extension when the approved origins name it', () => {
    expect(verdict(`frame-ancestors 'self' https://crm.example.com ${EXTENSION}; default-src 'none'`)).toEqual({ allowed: true });
    expect(verdict(`default-src 'none'; FRAME-ANCESTORS ${EXTENSION.toUpperCase()}`)).toEqual({ allowed: true });
    expect(verdict(`frame-ancestors chrome-extension:`)).toEqual({ allowed: true });
  });

  it('refuses the extension when the approved origins lack it, whatever else they allow', () => {
    for (const csp of [
      "frame-ancestors 'self'",
      "frame-ancestors 'self' https://crm.example.com",
      "frame-ancestors 'none'",
      // `*` matches network schemes and the CCP's own, never chrome-extension:.
      'frame-ancestors *',
      'frame-ancestors https:',
      'frame-ancestors chrome-extension://someotherextensionidxxxxxxxxxxx',
      `frame-ancestors ${EXTENSION}.evil.test`,
      // A host without a scheme takes the CCP's (https).
      'frame-ancestors ojodoldnmcabjmcojfoebnmebmadjfdm',
      'frame-ancestors',
    ]) {
      expect(verdict(csp), csp).toEqual({ allowed: false, by: 'frame_ancestors' });
    }
  });

  it('needs every policy to allow it when several headers are sent', () => {
    expect(verdict(`frame-ancestors ${EXTENSION}, frame-ancestors 'self'`)).toEqual({ allowed: false, by: 'frame_ancestors' });
    expect(verdict(`default-src 'none', frame-ancestors ${EXTENSION}`)).toEqual({ allowed: true });
  });

  it('reads X-Frame-Options only where no frame-ancestors is sent', () => {
    expect(verdict("default-src 'none'", 'DENY')).toEqual({ allowed: false, by: 'x_frame_options', value: 'DENY' });
    expect(verdict(null, 'sameorigin')).toEqual({ allowed: false, by: 'x_frame_options', value: 'SAMEORIGIN' });
    expect(verdict(null, 'SAMEORIGIN, DENY')).toEqual({ allowed: false, by: 'x_frame_options', value: 'DENY' });
    expect(verdict(`frame-ancestors ${EXTENSION}`, 'DENY')).toEqual({ allowed: true });
    // Chromium ignores ALLOW-FROM.
    expect(verdict(null, 'ALLOW-FROM https://crm.example.com')).toEqual({ allowed: true });
    expect(verdict(null, null)).toEqual({ allowed: true });
  });

  it('matches hosts, wildcards and ports like a browser for web embedders', () => {
    const web = (csp: string, embedder: string) => framingVerdict(headers(csp), embedder, CCP).allowed;
    expect(web('frame-ancestors https://*.example.com', 'https://crm.example.com')).toBe(true);
    expect(web('frame-ancestors https://*.example.com', 'https://example.com')).toBe(false);
    expect(web('frame-ancestors http://crm.example.com', 'https://crm.example.com')).toBe(true);
    expect(web('frame-ancestors https://crm.example.com', 'http://crm.example.com')).toBe(false);
    expect(web('frame-ancestors https://crm.example.com:8443', 'https://crm.example.com')).toBe(false);
    expect(web('frame-ancestors https://crm.example.com:*', 'https://crm.example.com:8443')).toBe(true);
    expect(web("frame-ancestors 'self'", 'https://shield-demo.my.connect.aws')).toBe(true);
    expect(web('frame-ancestors *', 'https://anything.test')).toBe(true);
  });
});

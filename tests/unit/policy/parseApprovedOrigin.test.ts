import { describe, expect, it } from 'vitest';
import { approvedOriginCovers, parseApprovedOrigin } from '../../../src/core/policy/parseApprovedOrigin.ts';

describe('parseApprovedOrigin', () => {
  it.each([
    ['https://crm.example.com', false],
    ['https://crm.example.com:8443', false],
    ['https://xn--bcher-kva.example', false],
    ['https://*.kb.example.com', true],
  ])('accepts %s', (entry, wildcard) => {
    expect(parseApprovedOrigin(entry)).toMatchObject({ ok: true, origin: entry, wildcard });
  });

  it.each([
    'http://crm.example.com',
    'ftp://crm.example.com',
    'https://crm.example.com/',
    'https://crm.example.com?x=1',
    'https://crm.example.com#top',
    'https://u:p@crm.example.com',
    'https://*evil.com',
    'https://a.*.example.com',
    'https://*.*.example.com',
    'https://*.com',
    'https://*.10.0.0.1',
    'crm.example.com',
    'https://',
  ])('rejects %s', (entry) => {
    expect(parseApprovedOrigin(entry).ok).toBe(false);
  });

  it('a wildcard covers subdomains, not the domain itself nor look-alikes', () => {
    const wildcard = parseApprovedOrigin('https://*.kb.example.com');
    expect(approvedOriginCovers(wildcard, 'https://docs.kb.example.com')).toBe(true);
    expect(approvedOriginCovers(wildcard, 'https://a.b.kb.example.com')).toBe(true);
    expect(approvedOriginCovers(wildcard, 'https://kb.example.com')).toBe(false);
    expect(approvedOriginCovers(wildcard, 'https://evilkb.example.com')).toBe(false);
    expect(approvedOriginCovers(wildcard, 'http://docs.kb.example.com')).toBe(false);
  });

  it('an exact origin covers only itself', () => {
    const exact = parseApprovedOrigin('https://crm.example.com');
    expect(approvedOriginCovers(exact, 'https://crm.example.com')).toBe(true);
    expect(approvedOriginCovers(exact, 'https://crm.example.com:8443')).toBe(false);
  });
});

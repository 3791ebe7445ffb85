import { describe, expect, it } from 'vitest';
import { parseOriginPattern } from '../../../src/core/origins/OriginPattern.ts';
import type { OriginPatternProblem } from '../../../src/core/origins/OriginPattern.ts';

describe('parseOriginPattern accepts', () => {
  it('an exact https origin, normalised', () => {
    expect(parseOriginPattern('HTTPS://CRM.Example.com/')).toEqual({
      ok: true,
      pattern: { kind: 'exact', origin: 'https://crm.example.com', host: 'crm.example.com', port: 443, text: 'https://crm.example.com' },
    });
  });

  it('an explicit port, and drops an explicit default port', () => {
    expect(parseOriginPattern('https://crm.example.com:8443')).toMatchObject({
      ok: true,
      pattern: { kind: 'exact', origin: 'https://crm.example.com:8443', port: 8443 },
    });
    expect(parseOriginPattern('https://crm.example.com:443')).toMatchObject({ ok: true, pattern: { origin: 'https://crm.example.com', port: 443 } });
  });

  it('a leading sub-domain wildcard', () => {
    expect(parseOriginPattern('https://*.kb.example.com')).toEqual({
      ok: true,
      pattern: { kind: 'subdomains', baseHost: 'kb.example.com', port: 443, text: 'https://*.kb.example.com' },
    });
    expect(parseOriginPattern('https://*.kb.example.com:8443')).toMatchObject({
      ok: true,
      pattern: { baseHost: 'kb.example.com', port: 8443, text: 'https://*.kb.example.com:8443' },
    });
  });

  it('an IDN host, stored as punycode', () => {
    expect(parseOriginPattern('https://bücher.example')).toMatchObject({ ok: true, pattern: { host: 'xn--bcher-kva.example' } });
  });

  it('surrounding whitespace', () => {
    expect(parseOriginPattern('  https://crm.example.com \n')).toMatchObject({ ok: true, pattern: { origin: 'https://crm.example.com' } });
  });
});

describe('parseOriginPattern refuses, with a specific problem', () => {
  const cases: [string, OriginPatternProblem][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['crm.example.com', 'not_https'],
    ['http://crm.example.com', 'not_https'],
    ['wss://crm.example.com', 'not_https'],
    ['javascript:alert(1)', 'not_https'],
    ['https:crm.example.com', 'malformed'],
    ['https:/crm.example.com', 'malformed'],
    ['https:\\\\crm.example.com', 'malformed'],
    ['https://crm%2eexample.com', 'malformed'],
    ['https://crm example.com', 'malformed'],
    ['https://', 'malformed'],
    ['https://crm.example.com:99999', 'malformed'],
    ['https://crm..example.com', 'malformed'],
    ['https://user@crm.example.com', 'has_userinfo'],
    ['https://crm.example.com@evil.test', 'has_userinfo'],
    ['https://crm.example.com/app', 'has_path'],
    ['https://crm.example.com//', 'has_path'],
    ['https://crm.example.com?x=1', 'has_query'],
    ['https://crm.example.com/?x=1', 'has_query'],
    ['https://crm.example.com#top', 'has_fragment'],
    ['https://*.com', 'bad_wildcard'],
    ['https://*crm.example.com', 'bad_wildcard'],
    ['https://crm.*.example.com', 'bad_wildcard'],
    ['https://*.*.example.com', 'bad_wildcard'],
    ['https://*', 'bad_wildcard'],
    ['https://127.0.0.1', 'ip_literal'],
    ['https://0x7f.1', 'ip_literal'],
    ['https://[::1]', 'ip_literal'],
    ['https://crm.example.com.', 'trailing_dot'],
  ];
  it.each(cases)('%j → %s', (text, problem) => {
    expect(parseOriginPattern(text)).toEqual({ ok: false, problem });
  });
});

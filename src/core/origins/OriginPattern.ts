/**
 * One entry of the policy's `approvedOrigins`, parsed strictly.
 *
 * Accepted shapes (https only, nothing after the authority but an optional `/`):
 *   `https://crm.example.com`        exactly that origin (port 443)
 *   `https://crm.example.com:8443`   exactly that origin on that port
 *   `https://*.kb.example.com`       any sub-domain of kb.example.com, at any depth — NOT
 *                                    kb.example.com itself (list the apex separately if wanted)
 *
 * The text is read by hand first (so that forms the WHATWG parser would silently "repair",
 * such as `https:\\host`, `https:/host` or `%2e` in a host, are refused with a reason), then the
 * host is canonicalised by the WHATWG `URL` parser (lowercase, IDN → punycode).
 */
export type OriginPatternProblem =
  'empty' | 'malformed' | 'not_https' | 'has_userinfo' | 'has_path' | 'has_query' | 'has_fragment' | 'bad_wildcard' | 'ip_literal' | 'trailing_dot';

export type OriginPattern =
  { kind: 'exact'; origin: string; host: string; port: number; text: string } | { kind: 'subdomains'; baseHost: string; port: number; text: string };

export type ParsedOriginPattern = { ok: true; pattern: OriginPattern } | { ok: false; problem: OriginPatternProblem };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const HOST_CHARACTERS = /^[a-z0-9.\-_]+$/;
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;
const DEFAULT_HTTPS_PORT = 443;

export function parseOriginPattern(text: string): ParsedOriginPattern {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty');
  const scheme = SCHEME.exec(trimmed);
  if (scheme === null) return fail(trimmed.includes('://') ? 'malformed' : 'not_https');
  if (scheme[1]?.toLowerCase() !== 'https') return fail('not_https');
  const afterScheme = trimmed.slice(scheme[0].length);
  if (!afterScheme.startsWith('//')) return fail('malformed');
  const rest = afterScheme.slice(2);
  if (/[\s\\%]/.test(rest) || hasControlCharacter(rest)) return fail('malformed');

  const authorityEnd = firstIndexOfAny(rest, '/?#');
  const authority = rest.slice(0, authorityEnd);
  const tail = rest.slice(authorityEnd);
  if (authority.includes('@')) return fail('has_userinfo');
  const tailProblem = problemInTail(tail);
  if (tailProblem !== null) return fail(tailProblem);

  const isWildcard = authority.startsWith('*.');
  const hostAndPort = isWildcard ? authority.slice(2) : authority;
  if (hostAndPort.includes('*')) return fail('bad_wildcard');
  if (hostAndPort.startsWith('[')) return fail('ip_literal');

  let url: URL;
  try {
    url = new URL(`https://${hostAndPort}/`);
  } catch {
    return fail('malformed');
  }
  if (url.username !== '' || url.password !== '') return fail('has_userinfo');
  const host = url.hostname;
  if (host === '' || !HOST_CHARACTERS.test(host)) return fail('malformed');
  if (IPV4.test(host)) return fail('ip_literal');
  if (host.endsWith('.')) return fail('trailing_dot');
  if (host.startsWith('.') || host.includes('..')) return fail('malformed');
  const port = url.port === '' ? DEFAULT_HTTPS_PORT : Number(url.port);

  if (isWildcard) {
    // `*.com` would approve a whole top-level domain; require at least a registrable-looking base.
    if (!host.includes('.')) return fail('bad_wildcard');
    return { ok: true, pattern: { kind: 'subdomains', baseHost: host, port, text: `https://*.${url.host}` } };
  }
  return { ok: true, pattern: { kind: 'exact', origin: url.origin, host, port, text: url.origin } };
}

function fail(problem: OriginPatternProblem): ParsedOriginPattern {
  return { ok: false, problem };
}

function problemInTail(tail: string): OriginPatternProblem | null {
  if (tail === '' || tail === '/') return null;
  const queryAt = tail.indexOf('?');
  const fragmentAt = tail.indexOf('#');
  const pathEnd = firstIndexOfAny(tail, '?#');
  const path = tail.slice(0, pathEnd);
  if (path !== '' && path !== '/') return 'has_path';
  if (queryAt !== -1 && (fragmentAt === -1 || queryAt < fragmentAt)) return 'has_query';
  return 'has_fragment';
}

function firstIndexOfAny(text: string, characters: string): number {
  for (let i = 0; i < text.length; i++) {
    if (characters.includes(text.charAt(i))) return i;
  }
  return text.length;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

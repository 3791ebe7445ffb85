import parseContentSecurityPolicy from 'content-security-policy-parser';

/**
 * Whether a page may frame a response, read from the response's own headers the way Chromium
 * decides it: every `frame-ancestors` directive (one per policy; a comma joins the policies of
 * several headers) must allow the embedding origin; only when no policy has one does
 * `X-Frame-Options` count (`DENY` and `SAMEORIGIN` refuse a cross-origin embedder; Chromium
 * ignores `ALLOW-FROM`). The CCP sends `frame-ancestors` naming the instance's approved origins.
 */
export type FramingVerdict =
  { allowed: true } | { allowed: false; by: 'frame_ancestors' } | { allowed: false; by: 'x_frame_options'; value: 'DENY' | 'SAMEORIGIN' };

export interface FramingHeaders {
  /** `Content-Security-Policy`, several headers joined by ", " as fetch joins them. */
  contentSecurityPolicy: string | null;
  xFrameOptions: string | null;
}

/** `embedder`: the framing page's origin; `framed`: the URL of the response being framed. */
export function framingVerdict(headers: FramingHeaders, embedder: string, framed: string): FramingVerdict {
  const embedderUrl = new URL(embedder);
  const framedUrl = new URL(framed);
  const policies = (headers.contentSecurityPolicy ?? '').split(',').map((policy) => parseContentSecurityPolicy(policy));
  const ancestors = policies.flatMap((policy) => {
    const sources = policy.get('frame-ancestors');
    return sources === undefined ? [] : [sources];
  });
  if (ancestors.length > 0) {
    return ancestors.every((sources) => sources.some((source) => sourceMatches(source, embedderUrl, framedUrl)))
      ? { allowed: true }
      : { allowed: false, by: 'frame_ancestors' };
  }
  // Several X-Frame-Options values (joined by commas) that disagree count as DENY in Chromium.
  const values = new Set(
    (headers.xFrameOptions ?? '')
      .split(',')
      .map((value) => value.trim().toUpperCase())
      .filter((value) => value !== ''),
  );
  const sameOrigin = originOf(embedderUrl) === originOf(framedUrl);
  if (values.has('DENY') || (values.size > 1 && [...values].some((value) => value === 'SAMEORIGIN')))
    return { allowed: false, by: 'x_frame_options', value: 'DENY' };
  if (values.has('SAMEORIGIN') && !sameOrigin) return { allowed: false, by: 'x_frame_options', value: 'SAMEORIGIN' };
  return { allowed: true };
}

/** CSP3 "does url match expression in origin": enough of it for an ancestor's origin. */
function sourceMatches(source: string, ancestor: URL, self: URL): boolean {
  const expression = source.toLowerCase();
  if (expression === "'none'") return false;
  if (expression === "'self'") return originOf(ancestor) === originOf(self);
  if (expression === '*') return isNetworkScheme(ancestor.protocol) || ancestor.protocol === self.protocol;
  if (/^[a-z][a-z0-9+.-]*:$/.test(expression)) return schemeMatches(expression, ancestor.protocol);
  const host = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d+|\*))?(?:\/.*)?$/.exec(expression);
  if (!host) return false;
  const [, scheme, hostPart = '', port] = host;
  if (scheme !== undefined ? !schemeMatches(`${scheme}:`, ancestor.protocol) : !schemeMatches(self.protocol, ancestor.protocol)) return false;
  const ancestorHost = ancestor.hostname.toLowerCase();
  const hostOk = hostPart === '*' || (hostPart.startsWith('*.') ? ancestorHost.endsWith(hostPart.slice(1)) : ancestorHost === hostPart);
  if (!hostOk) return false;
  if (port === '*') return true;
  // No port in the source: the ancestor's must be its scheme's default (URL leaves it empty then).
  if (port === undefined) return ancestor.port === '';
  const ancestorPort = ancestor.port === '' ? defaultPort(ancestor.protocol) : ancestor.port;
  return port === ancestorPort;
}

/** A source's scheme matches its own, and an http source also matches https (the upgrade rule). */
function schemeMatches(expressionScheme: string, scheme: string): boolean {
  return expressionScheme === scheme || (expressionScheme === 'http:' && scheme === 'https:') || (expressionScheme === 'ws:' && scheme === 'wss:');
}

function isNetworkScheme(scheme: string): boolean {
  return scheme === 'http:' || scheme === 'https:' || scheme === 'ws:' || scheme === 'wss:';
}

function defaultPort(scheme: string): string {
  return scheme === 'https:' || scheme === 'wss:' ? '443' : scheme === 'http:' || scheme === 'ws:' ? '80' : '';
}

/** Scheme and host: URL's own `origin` is "null" for schemes it does not know, chrome-extension: among them. */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

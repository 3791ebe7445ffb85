import type { LinkPolicy } from './LinkPolicy.ts';

/**
 * Decides whether a URL found in untrusted content (a chat message, a contact attribute, a
 * screen-pop value) may become a clickable link. Only an https URL whose origin is approved
 * does; everything else is shown as text.
 *
 * The verdict is reached on what the WHATWG `URL` parser makes of the text — the same thing
 * the browser will navigate to — and text that the parser would quietly rewrite (backslashes,
 * embedded tabs/newlines, invisible formatting characters) is refused outright, because what
 * the agent reads must be where the link goes.
 *
 * Masking ran on the raw text, before the parser decoded it. So the canonical URL is masked again
 * with the policy's engine: if that finds something (a card number written as a percent-encoded
 * host, say), the URL is never a link, the agent sees the masked canonical form, and only the
 * masked origin is reported.
 */
export type LinkBlockReason =
  'not_approved' | 'unsafe_scheme' | 'not_https' | 'credentials' | 'malformed' | 'control_characters' | 'backslash' | 'sensitive_value';

export type LinkVerdict =
  | { kind: 'approved'; href: string; origin: string }
  | {
      kind: 'blocked';
      reason: LinkBlockReason;
      /** What to render as text: the original text, or the masked canonical URL when that one held a sensitive value. */
      text: string;
      /** The parsed origin, masked, when there is one — audit this, never the full URL (paths and queries can carry data). */
      origin?: string;
    };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// Plain-text transports that are merely not encrypted; anything else is an active or local scheme.
const CLEARTEXT_SCHEMES = new Set(['http', 'ws', 'wss', 'ftp']);

export function classifyLink(raw: string, policy: LinkPolicy): LinkVerdict {
  const text = raw;
  const trimmed = raw.trim();
  if (trimmed === '') return { kind: 'blocked', reason: 'malformed', text };
  if (hasInvisibleOrControlCharacter(trimmed)) return { kind: 'blocked', reason: 'control_characters', text };
  if (/\s/.test(trimmed)) return { kind: 'blocked', reason: 'malformed', text };

  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'blocked', reason: 'malformed', text };
  if (scheme !== 'https') return { kind: 'blocked', reason: CLEARTEXT_SCHEMES.has(scheme) ? 'not_https' : 'unsafe_scheme', text };
  if (trimmed.includes('\\')) return { kind: 'blocked', reason: 'backslash', text };
  const afterScheme = trimmed.slice(scheme.length + 1);
  if (!afterScheme.startsWith('//')) return { kind: 'blocked', reason: 'malformed', text };
  // Any `@` in the authority — even an empty userinfo — is a classic disguise ("trusted.com@evil").
  if (authorityOf(afterScheme.slice(2)).includes('@')) return { kind: 'blocked', reason: 'credentials', text };

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { kind: 'blocked', reason: 'malformed', text };
  }
  if (url.protocol !== 'https:') return { kind: 'blocked', reason: 'malformed', text };
  const shownHref = policy.maskText(url.href);
  if (shownHref !== url.href) return { kind: 'blocked', reason: 'sensitive_value', text: shownHref, origin: redactedOrigin(url, policy.maskText) };
  if (url.username !== '' || url.password !== '') return { kind: 'blocked', reason: 'credentials', text, origin: url.origin };
  if (!policy.matches(url.href)) return { kind: 'blocked', reason: 'not_approved', text, origin: url.origin };
  return { kind: 'approved', href: url.href, origin: url.origin };
}

/**
 * The origin with every host label that masking touched replaced by one `*`
 * (`https://*.kb.example.com`), so the audit names the site but not the value, and stays a
 * parseable origin. Labels are kept only from the end of the host up to the first change.
 */
function redactedOrigin(url: URL, maskText: (text: string) => string): string {
  const host = url.hostname;
  const masked = maskText(host);
  if (masked === host) return url.origin;
  let common = 0;
  while (common < host.length && common < masked.length && host[host.length - 1 - common] === masked[masked.length - 1 - common]) common++;
  const labels = host.split('.');
  const kept: string[] = [];
  let length = 0;
  for (let i = labels.length - 1; i > 0; i--) {
    const label = labels[i] ?? '';
    // A label counts only if it and the dot before it are outside the changed part.
    if (length + label.length + 1 > common) break;
    kept.unshift(label);
    length += label.length + 1;
  }
  const port = url.port === '' ? '' : `:${url.port}`;
  return `${url.protocol}//${['*', ...kept].join('.')}${port}`;
}

function authorityOf(rest: string): string {
  const end = rest.search(/[/?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

/**
 * C0/C1 controls, DEL, and the invisible formatting characters used for spoofing: zero-width
 * characters, bidi embeddings/overrides/isolates, the BOM and soft hyphen.
 */
function hasInvisibleOrControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    if (code === 0xad || code === 0x061c || code === 0x180e || code === 0xfeff) return true;
    if (code >= 0x200b && code <= 0x200f) return true;
    if (code >= 0x202a && code <= 0x202e) return true;
    if (code >= 0x2060 && code <= 0x206f) return true;
  }
  return false;
}

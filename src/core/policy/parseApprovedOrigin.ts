/**
 * Reads one `approvedOrigins` entry: an exact https origin (`https://crm.example.com`, a port is
 * allowed) or a subdomain wildcard (`https://*.kb.example.com`, which matches subdomains of
 * kb.example.com but not kb.example.com itself).
 *
 * Entries must already be in canonical form — lower case, punycode, no default port — so that
 * every consumer can compare origins as plain strings; a non-canonical entry is rejected with
 * the canonical spelling to copy.
 */
export type ParsedApprovedOrigin =
  | { ok: true; origin: string; wildcard: false }
  /** `suffix` is the host the wildcard covers, e.g. `kb.example.com` (with port, if any). */
  | { ok: true; origin: string; wildcard: true; suffix: string }
  | { ok: false; message: string };

const WILDCARD_PREFIX = 'https://*.';
// A label no real host uses, standing in for `*` while the URL parser checks the rest.
const WILDCARD_STAND_IN = 'wildcard-stand-in';

export function parseApprovedOrigin(entry: string): ParsedApprovedOrigin {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(entry)?.[1];
  if (scheme !== undefined && scheme.toLowerCase() !== 'https') {
    return { ok: false, message: `Only https origins can be approved; "${scheme.toLowerCase()}" is not allowed.` };
  }
  const wildcard = entry.toLowerCase().startsWith(WILDCARD_PREFIX);
  const rest = wildcard ? entry.slice(WILDCARD_PREFIX.length) : entry;
  if (rest.includes('*')) {
    return { ok: false, message: 'A wildcard is allowed only as a whole leading label, as in "https://*.example.com".' };
  }
  const candidate = wildcard ? `https://${WILDCARD_STAND_IN}.${rest}` : entry;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, message: 'Not a valid origin; write it like "https://crm.example.com".' };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: 'Only https origins can be approved; write it like "https://crm.example.com".' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: 'An origin must not contain a user name or password.' };
  }
  const afterHost = /^https:\/\/[^/?#]*(.*)$/i.exec(candidate)?.[1] ?? '';
  if (afterHost !== '') {
    return { ok: false, message: 'An origin is only scheme, host and optional port: remove the path, query or fragment.' };
  }
  const host = url.host;
  if (wildcard) {
    const suffix = host.slice(WILDCARD_STAND_IN.length + 1);
    if (!suffix.includes('.') || /^\d+(\.\d+)*(:\d+)?$/.test(suffix) || suffix.startsWith('[')) {
      return { ok: false, message: 'A wildcard must cover a registered domain, as in "https://*.example.com", not a top-level domain or an IP address.' };
    }
    const canonical = `${WILDCARD_PREFIX}${suffix}`;
    if (canonical !== entry) return { ok: false, message: `Write this origin in canonical form: "${canonical}".` };
    return { ok: true, origin: canonical, wildcard: true, suffix };
  }
  if (url.origin !== entry) return { ok: false, message: `Write this origin in canonical form: "${url.origin}".` };
  return { ok: true, origin: url.origin, wildcard: false };
}

/** Whether a concrete origin (e.g. of the audit endpoint) is covered by one approved entry. */
export function approvedOriginCovers(approved: ParsedApprovedOrigin, origin: string): boolean {
  if (!approved.ok) return false;
  if (!approved.wildcard) return approved.origin === origin;
  return origin.startsWith('https://') && origin.endsWith(`.${approved.suffix}`) && origin.length > `https://.${approved.suffix}`.length;
}

import { parseOriginPattern, type OriginPatternProblem } from '../origins/OriginPattern.ts';

/**
 * Reads one `approvedOrigins` entry for the policy validator: an exact https origin
 * (`https://crm.example.com`, a port is allowed) or a subdomain wildcard (`https://*.kb.example.com`,
 * which matches subdomains of kb.example.com but not kb.example.com itself).
 *
 * The syntax is the one the extension enforces (`parseOriginPattern`), so a policy that validates
 * is a policy whose every entry takes effect. On top, entries must be written in canonical form —
 * lower case, punycode, no default port — so every consumer can compare origins as plain strings;
 * a non-canonical entry is rejected with the canonical spelling to copy.
 */
export type ParsedApprovedOrigin =
  | { ok: true; origin: string; wildcard: false }
  /** `suffix` is the host the wildcard covers, e.g. `kb.example.com` (with port, if any). */
  | { ok: true; origin: string; wildcard: true; suffix: string }
  | { ok: false; message: string };

const EXAMPLE = '"https://crm.example.com"';

const SENTENCES: Record<OriginPatternProblem, string> = {
  empty: `An empty entry; write an origin like ${EXAMPLE}.`,
  malformed: `Not a valid origin; write it like ${EXAMPLE}.`,
  not_https: `Only https origins can be approved; write it like ${EXAMPLE}.`,
  has_userinfo: 'An origin must not contain a user name or password.',
  has_path: 'An origin is only scheme, host and optional port: remove the path, query or fragment.',
  has_query: 'An origin is only scheme, host and optional port: remove the path, query or fragment.',
  has_fragment: 'An origin is only scheme, host and optional port: remove the path, query or fragment.',
  bad_wildcard:
    'A wildcard is allowed only as a whole leading label and must cover a registered domain, as in "https://*.example.com" — not a top-level domain.',
  ip_literal: 'Approve a host name, not an IP address.',
  trailing_dot: 'Remove the trailing dot after the host name.',
};

export function parseApprovedOrigin(entry: string): ParsedApprovedOrigin {
  const parsed = parseOriginPattern(entry);
  if (!parsed.ok) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(entry)?.[1]?.toLowerCase();
    if (parsed.problem === 'not_https' && scheme !== undefined) {
      return { ok: false, message: `Only https origins can be approved; "${scheme}" is not allowed.` };
    }
    return { ok: false, message: SENTENCES[parsed.problem] };
  }
  const { pattern } = parsed;
  if (pattern.text !== entry) return { ok: false, message: `Write this origin in canonical form: "${pattern.text}".` };
  if (pattern.kind === 'exact') return { ok: true, origin: pattern.origin, wildcard: false };
  const suffix = pattern.port === 443 ? pattern.baseHost : `${pattern.baseHost}:${String(pattern.port)}`;
  return { ok: true, origin: pattern.text, wildcard: true, suffix };
}

/** Whether a concrete origin (e.g. of the audit endpoint) is covered by one approved entry. */
export function approvedOriginCovers(approved: ParsedApprovedOrigin, origin: string): boolean {
  if (!approved.ok) return false;
  if (!approved.wildcard) return approved.origin === origin;
  return origin.startsWith('https://') && origin.endsWith(`.${approved.suffix}`) && origin.length > `https://.${approved.suffix}`.length;
}

import type { Policy } from '../policy/Policy.ts';
import { parseCcpUrl } from './parseCcpUrl.ts';
import { parseOriginPattern } from './OriginPattern.ts';
import type { OriginPattern, OriginPatternProblem } from './OriginPattern.ts';

/**
 * The set of origins extension pages may frame, open and contact: the Connect instance(s) and
 * the policy's approved origins. Entries that do not parse are left out (fail closed) and kept
 * in `rejected` so the options page and the CLI can say why.
 */
export interface ApprovedOrigins {
  /** Every accepted pattern, instance origins first. */
  readonly patterns: readonly OriginPattern[];
  /** Exact origins of the Connect instance(s). */
  readonly instanceOrigins: readonly string[];
  readonly rejected: readonly { text: string; problem: OriginPatternProblem }[];
  /** True only for an absolute https URL, without credentials, whose origin a pattern approves. */
  matches(url: string): boolean;
}

export interface ApprovedOriginsInput {
  instanceOrigins: readonly string[];
  approvedOrigins: readonly string[];
}

const DEFAULT_HTTPS_PORT = 443;

export function createApprovedOrigins(input: ApprovedOriginsInput): ApprovedOrigins {
  const patterns: OriginPattern[] = [];
  const instanceOrigins: string[] = [];
  const rejected: { text: string; problem: OriginPatternProblem }[] = [];
  const seen = new Set<string>();

  const add = (text: string, isInstance: boolean): void => {
    const parsed = parseOriginPattern(text);
    if (!parsed.ok) {
      rejected.push({ text, problem: parsed.problem });
      return;
    }
    // An instance must be one exact origin; a wildcard there would widen the CCP trust boundary.
    if (isInstance && parsed.pattern.kind !== 'exact') {
      rejected.push({ text, problem: 'bad_wildcard' });
      return;
    }
    if (isInstance && parsed.pattern.kind === 'exact' && !instanceOrigins.includes(parsed.pattern.origin)) {
      instanceOrigins.push(parsed.pattern.origin);
    }
    if (seen.has(parsed.pattern.text)) return;
    seen.add(parsed.pattern.text);
    patterns.push(parsed.pattern);
  };
  for (const origin of input.instanceOrigins) add(origin, true);
  for (const origin of input.approvedOrigins) add(origin, false);

  return {
    patterns,
    instanceOrigins,
    rejected,
    matches: (url) => patterns.some((pattern) => urlMatchesPattern(url, pattern)),
  };
}

/**
 * Builds the approved set from a policy: the primary and alternate CCP origins are the
 * instance origins; login URLs (the CCP opens them in a popup) and `approvedOrigins` join them.
 */
export function approvedOriginsFromPolicy(policy: Policy): ApprovedOrigins {
  const instances = [policy.instance, ...(policy.instance.alternates ?? [])];
  const instanceOrigins: string[] = [];
  const approved: string[] = [];
  for (const instance of instances) {
    const ccp = parseCcpUrl(instance.ccpUrl);
    if (ccp.ok) instanceOrigins.push(ccp.origin);
    if (instance.loginUrl !== undefined) {
      const loginOrigin = httpsOriginOf(instance.loginUrl);
      if (loginOrigin !== null) approved.push(loginOrigin);
    }
  }
  approved.push(...(policy.approvedOrigins ?? []));
  return createApprovedOrigins({ instanceOrigins, approvedOrigins: approved });
}

function urlMatchesPattern(url: string, pattern: OriginPattern): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const port = parsed.port === '' ? DEFAULT_HTTPS_PORT : Number(parsed.port);
  if (port !== pattern.port) return false;
  // `crm.example.com.` is a different origin to the browser (own cookies, own CSP match), so a
  // trailing-dot host never matches a pattern written without one.
  const host = parsed.hostname;
  if (host.startsWith('.') || host.includes('..')) return false;
  if (pattern.kind === 'exact') return host === pattern.host;
  return host.endsWith(`.${pattern.baseHost}`) && host.length > pattern.baseHost.length + 1;
}

function httpsOriginOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.origin : null;
  } catch {
    return null;
  }
}

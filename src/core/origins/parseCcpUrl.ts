import { INSTANCE_DOMAINS, type ConnectPartition, type InstanceDomain } from '../regions/connectRegions.ts';

/**
 * Decides whether a URL names an Amazon Connect CCP, and if so which instance.
 * Only https, only Amazon Connect hosts, only the CCP path, nothing that could smuggle
 * another host in (userinfo, odd ports).
 */
export type CcpUrlProblem = 'malformed' | 'not_https' | 'not_connect_host' | 'not_ccp_path' | 'has_credentials' | 'has_port';

export type ParsedCcpUrl =
  | { ok: true; ccpUrl: string; origin: string; host: string; alias: string; domain: InstanceDomain['domain']; partition: ConnectPartition }
  | { ok: false; problem: CcpUrlProblem };

const ALIAS = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function parseCcpUrl(input: string): ParsedCcpUrl {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'not_https' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'has_credentials' };
  if (url.port !== '') return { ok: false, problem: 'has_port' };
  const host = url.hostname.toLowerCase();
  for (const candidate of INSTANCE_DOMAINS) {
    const suffix = `.${candidate.domain}`;
    if (!host.endsWith(suffix)) continue;
    const alias = host.slice(0, -suffix.length);
    if (!ALIAS.test(alias)) return { ok: false, problem: 'not_connect_host' };
    if (url.pathname !== candidate.ccpPath && url.pathname !== `${candidate.ccpPath}/`) return { ok: false, problem: 'not_ccp_path' };
    return {
      ok: true,
      ccpUrl: `${url.origin}${url.pathname}`,
      origin: url.origin,
      host,
      alias,
      domain: candidate.domain,
      partition: candidate.partition,
    };
  }
  return { ok: false, problem: 'not_connect_host' };
}

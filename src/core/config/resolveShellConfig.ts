import { parseCcpUrl, type CcpUrlProblem } from '../origins/parseCcpUrl.ts';
import type { ShellConfig } from './ShellConfig.ts';

const PROBLEM_SENTENCES: Record<CcpUrlProblem, string> = {
  malformed: 'The instance URL is not a valid URL.',
  not_https: 'The instance URL must use https.',
  not_connect_host: 'The instance URL is not an Amazon Connect host (*.my.connect.aws or *.awsapps.com).',
  not_ccp_path: 'The instance URL must point at the CCP: /ccp-v2 (or /connect/ccp-v2 on awsapps.com).',
  has_credentials: 'The instance URL must not contain a user name or password.',
  has_port: 'The instance URL must not name a port.',
};

export const DEFAULT_REGION = 'us-east-1';

export function describeCcpUrlProblem(problem: CcpUrlProblem): string {
  return PROBLEM_SENTENCES[problem];
}

/** Decides what the shell may embed from the configured sources. */
export function resolveShellConfig(sources: { managed: unknown; local: unknown }): ShellConfig {
  const local = sources.local;
  if (!isRecord(local) || !isRecord(local.instance) || typeof local.instance.ccpUrl !== 'string') return { status: 'missing' };
  const parsed = parseCcpUrl(local.instance.ccpUrl);
  if (!parsed.ok) {
    return { status: 'invalid', source: 'local', problems: [{ pointer: '/instance/ccpUrl', message: describeCcpUrlProblem(parsed.problem) }] };
  }
  const region = typeof local.instance.region === 'string' ? local.instance.region : DEFAULT_REGION;
  return {
    status: 'ready',
    policy: { instance: { ccpUrl: parsed.ccpUrl, region } },
    instance: { ccpUrl: parsed.ccpUrl, region },
    source: 'local',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { CcpUrlProblem } from './parseCcpUrl.ts';

const SENTENCES: Record<CcpUrlProblem, string> = {
  malformed: 'Not a valid URL; write it like "https://example.my.connect.aws/ccp-v2".',
  not_https: 'The CCP URL must use https.',
  not_connect_host:
    'Not an Amazon Connect host: the CCP URL must be on <alias>.my.connect.aws, <alias>.awsapps.com or (GovCloud) <alias>.govcloud.connect.aws.',
  not_ccp_path: 'Not the CCP page: the path must be /ccp-v2 (or /connect/ccp-v2 on awsapps.com).',
  has_credentials: 'The CCP URL must not contain a user name or password.',
  has_port: 'The CCP URL must not name a port.',
};

/** One plain sentence per problem, shared by the policy validator, the CLI and the options page. */
export function describeCcpUrlProblem(problem: CcpUrlProblem): string {
  return SENTENCES[problem];
}

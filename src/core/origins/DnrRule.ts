/**
 * Plain-object mirror of `chrome.declarativeNetRequest.Rule`, so the core can build rules
 * without referencing `chrome`. Only the fields this extension uses; the names and string
 * values are exactly Chrome's, so an edge can pass these objects to `updateSessionRules`.
 */
export type DnrResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xmlhttprequest'
  | 'ping'
  | 'csp_report'
  | 'media'
  | 'websocket'
  | 'webtransport'
  | 'webbundle'
  | 'other';

interface DnrHeaderOperation {
  header: string;
  operation: 'set' | 'append' | 'remove';
  value?: string;
}

type DnrRuleAction =
  { type: 'block' } | { type: 'allow' } | { type: 'modifyHeaders'; responseHeaders?: DnrHeaderOperation[]; requestHeaders?: DnrHeaderOperation[] };

interface DnrRuleCondition {
  initiatorDomains?: string[];
  requestDomains?: string[];
  excludedRequestDomains?: string[];
  urlFilter?: string;
  regexFilter?: string;
  isUrlFilterCaseSensitive?: boolean;
  resourceTypes?: DnrResourceType[];
}

export interface DnrRule {
  id: number;
  priority: number;
  action: DnrRuleAction;
  condition: DnrRuleCondition;
}

/** Every resource type, main_frame included (a condition without `resourceTypes` leaves main_frame out). */
export const ALL_RESOURCE_TYPES: readonly DnrResourceType[] = [
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'webtransport',
  'webbundle',
  'other',
];

import type { AuditEvent } from '../audit/AuditEvent.ts';
import { parseAuditEvent } from '../audit/parseAuditEvent.ts';
import type { PolicyState } from '../config/PolicyState.ts';
import { parseAuditViewReply } from './parseAuditViewReply.ts';
import { parseAgentIdentity } from '../audit/deskSignIns.ts';
import type { AgentIdentity } from '../roles/Role.ts';
import { parsePolicyStateReply } from './parsePolicyStateReply.ts';
import { parseAssessContactRequest, parseAssessContactResponse, type AssessContactRequest, type AssessContactResponse } from '../risk/assessContactRequest.ts';

/**
 * The one contract between extension pages and the service worker. Each entry is a request a
 * page may make: how the worker reads its payload (a parser that returns null for anything that
 * does not fit, so the worker never trusts a page's shape) and how the page reads the answer.
 * Adding a request is one entry here and one handler in the worker (the router's handler table
 * is typed from this object, so a missing handler is a type error).
 *
 * Parsers are plain functions, not JSON Schema: ajv compiles with `new Function`, which the
 * extension CSP refuses.
 */
export const WORKER_REQUESTS = {
  /** A page hands an audit event to the worker, which keeps and exports it. */
  'audit.record': {
    parsePayload: (value: unknown): AuditEvent | null => parseAuditEvent(value),
    parseResponse: parseNothing,
  },
  /** A page found no verdict in session storage (the worker was asleep or just installed): the worker's current one. */
  'policy.current': {
    parsePayload: parseNothing,
    parseResponse: (value: unknown): PolicyState | null => parsePolicyStateReply(value),
  },
  /** A page reports what its CSP or link check refused; the worker throttles and audits it. Only the origin travels. */
  'origin.blockedReport': {
    parsePayload: parseBlockedReport,
    parseResponse: parseNothing,
  },
  /**
   * The supervisor's audit view: recent events of this desktop with their delivery status. The
   * request names nobody: the worker answers only a desk whose own reported sign-in is a
   * supervisor's (`desk.signedIn`), and refuses every other page with `not-permitted`.
   */
  'audit.recent': {
    parsePayload: parseNothing,
    parseResponse: parseAuditViewReply,
  },
  /** A desk page says who its CCP signed in; the worker binds that user to the page's document (see src/core/audit/deskSignIns.ts). */
  'desk.signedIn': {
    parsePayload: (value: unknown): AgentIdentity | null => parseAgentIdentity(value),
    parseResponse: parseNothing,
  },
  /**
   * A page asks about one contact's caller while it rings; the worker answers with a verdict. The
   * customer's number travels in this message only: the deny list and the counts stay in the worker.
   */
  'risk.assessContact': {
    parsePayload: (value: unknown): AssessContactRequest | null => parseAssessContactRequest(value),
    parseResponse: (value: unknown): AssessContactResponse | null => parseAssessContactResponse(value),
  },
  /** A page says how many of its contacts are live, so that the worker applies an extension update only between calls. */
  'contacts.liveReport': {
    parsePayload: parseLiveReport,
    parseResponse: parseNothing,
  },
  /**
   * The agent picks one of the organization's instances for this browser. The worker checks it
   * against the policy (a choice never adds an instance) and refuses while a contact is live.
   */
  'instance.choose': {
    parsePayload: parseInstanceChoice,
    parseResponse: parseInstanceChoiceResponse,
  },
} satisfies Record<string, WorkerRequestSpec<unknown, unknown>>;

export interface WorkerRequestSpec<Payload, Response> {
  parsePayload(value: unknown): Payload | null;
  parseResponse(value: unknown): Response | null;
}

export type WorkerRequestName = keyof typeof WORKER_REQUESTS;
export type PayloadOf<Name extends WorkerRequestName> = NonNullable<ReturnType<(typeof WORKER_REQUESTS)[Name]['parsePayload']>>;
export type ResponseOf<Name extends WorkerRequestName> = NonNullable<ReturnType<(typeof WORKER_REQUESTS)[Name]['parseResponse']>>;

/** Requests without data send, and answer, this one value (runtime messaging has no `undefined`). */
export type Nothing = Record<string, never>;
export const NOTHING: Nothing = {};

function parseNothing(value: unknown): Nothing | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0 ? NOTHING : null;
}

interface BlockedReport {
  /** An origin (scheme, host, port), never a URL: a path or query can carry customer data. */
  origin: string;
  /** The CSP directive or `link`. */
  kind: string;
  layer: 'csp' | 'link';
}

const KIND = /^[a-z0-9:_-]{1,40}$/;
const MAX_ORIGIN_LENGTH = 300;

function parseBlockedReport(value: unknown): BlockedReport | null {
  if (typeof value !== 'object' || value === null) return null;
  const { origin, kind, layer } = value as Record<string, unknown>;
  if (typeof origin !== 'string' || origin.length > MAX_ORIGIN_LENGTH || typeof kind !== 'string' || !KIND.test(kind)) return null;
  if (layer !== 'csp' && layer !== 'link') return null;
  return { origin, kind, layer };
}

/** `page`: a random id the page drew at load, so that each page's report replaces only its own. */
function parseLiveReport(value: unknown): { page: string; live: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { page, live } = value as Record<string, unknown>;
  if (typeof page !== 'string' || !/^[a-z0-9-]{8,64}$/.test(page)) return null;
  return typeof live === 'number' && Number.isInteger(live) && live >= 0 && live <= 1000 ? { page, live } : null;
}

export function isWorkerRequestName(value: unknown): value is WorkerRequestName {
  return typeof value === 'string' && Object.hasOwn(WORKER_REQUESTS, value);
}

const MAX_CCP_URL_LENGTH = 2048;

function parseInstanceChoice(value: unknown): { ccpUrl: string } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { ccpUrl } = value as Record<string, unknown>;
  return typeof ccpUrl === 'string' && ccpUrl.length > 0 && ccpUrl.length <= MAX_CCP_URL_LENGTH ? { ccpUrl } : null;
}

export type InstanceChoiceResponse = { result: 'chosen' } | { result: 'refused'; reason: InstanceChoiceRefusal };
export type InstanceChoiceRefusal = 'unlisted' | 'contact_live' | 'no_policy';

function parseInstanceChoiceResponse(value: unknown): InstanceChoiceResponse | null {
  if (typeof value !== 'object' || value === null) return null;
  const { result, reason } = value as Record<string, unknown>;
  if (result === 'chosen') return { result };
  if (result === 'refused' && (reason === 'unlisted' || reason === 'contact_live' || reason === 'no_policy')) return { result, reason };
  return null;
}

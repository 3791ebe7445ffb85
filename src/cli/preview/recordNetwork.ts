import type { BrowserContext, Request } from 'playwright-core';

/** One request made by an extension page, a frame inside one (the CCP), or the service worker. */
export interface NetworkEntry {
  /** Without query or fragment, and masked with the policy's engine (a path can carry customer data). */
  url: string;
  method: string;
  resourceType: string;
  /** `worker` for the service worker; otherwise the origin of the document that made it. */
  initiator: string;
  /** Refused before it left the browser (network rules, CSP) — as opposed to a server's answer. */
  blocked: boolean;
  /** The HTTP status, or the browser's error (net::ERR_BLOCKED_BY_CLIENT, …). */
  outcome: string;
}

export interface NetworkRecord {
  entries(): NetworkEntry[];
}

/** Chromium's errors for a request the browser itself refused. */
const BLOCKED_ERRORS = /ERR_BLOCKED_BY_CLIENT|ERR_BLOCKED_BY_ADMINISTRATOR|ERR_BLOCKED_BY_CSP|ERR_BLOCKED_BY_RESPONSE|csp/i;
const MAX_ENTRIES = 5_000;

/**
 * Records every request the extension made during the preview, for the security team's test
 * record: the URL stripped of its query and masked, who made it, and whether the browser refused
 * it. Requests of ordinary web pages are left out: only the extension's origin, the documents
 * framed inside its pages and its service worker count.
 */
export function recordNetwork(context: BrowserContext, extensionOrigin: string, mask: (text: string) => string): NetworkRecord {
  const pending = new Map<Request, NetworkEntry>();
  const done: NetworkEntry[] = [];

  const initiatorOf = (request: Request): string | null => {
    if (request.serviceWorker() !== null) return request.serviceWorker()?.url().startsWith(extensionOrigin) === true ? 'worker' : null;
    let frame;
    try {
      frame = request.frame();
    } catch {
      return null;
    }
    const top = frame.page()?.url() ?? '';
    if (!top.startsWith(extensionOrigin)) return null;
    return originOf(frame.url()) ?? originOf(top) ?? 'null';
  };

  const finish = (request: Request, outcome: string, blocked: boolean): void => {
    const entry = pending.get(request);
    if (entry === undefined) return;
    pending.delete(request);
    if (done.length < MAX_ENTRIES) done.push({ ...entry, outcome, blocked });
  };

  context.on('request', (request) => {
    const initiator = initiatorOf(request);
    if (initiator === null) return;
    pending.set(request, {
      url: mask(withoutQuery(request.url())),
      method: request.method(),
      resourceType: request.resourceType(),
      initiator,
      blocked: false,
      outcome: 'pending',
    });
  });
  context.on('requestfinished', (request) => {
    void request.response().then(
      (response) => finish(request, response === null ? 'finished' : String(response.status()), false),
      () => finish(request, 'finished', false),
    );
  });
  context.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    finish(request, failure, BLOCKED_ERRORS.test(failure));
  });

  return {
    entries: () => [...done, ...[...pending.values()].map((entry) => ({ ...entry }))],
  };
}

function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return `${parsed.protocol}…`;
    // Not `origin`: Node gives chrome-extension:// URLs an opaque ("null") origin.
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

import { callWorker } from './callWorker.ts';

/**
 * Pages tell the service worker what was refused to them; the worker throttles (once per origin
 * and kind per minute) and audits. Only the origin travels — never the URL, whose path or query
 * can carry customer data.
 */
export function reportBlockedRequest(origin: string, kind: string, layer: 'csp' | 'link'): void {
  void callWorker('origin.blockedReport', { origin, kind, layer });
}

/**
 * The extension CSP (frame-src, connect-src, img-src, …) is the first network barrier and blocks
 * before declarativeNetRequest sees anything; its refusals are visible only inside the page, as
 * `securitypolicyviolation` events. Inline-script refusals have no origin and are not network
 * blocks, so they are left out.
 */
export function watchCspBlocks(doc: Document): () => void {
  const listener = (event: SecurityPolicyViolationEvent): void => {
    const origin = originOf(event.blockedURI);
    if (origin === null) return;
    reportBlockedRequest(origin, event.effectiveDirective, 'csp');
  };
  doc.addEventListener('securitypolicyviolation', listener);
  return () => doc.removeEventListener('securitypolicyviolation', listener);
}

function originOf(blockedUri: string): string | null {
  try {
    const url = new URL(blockedUri);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'wss:' || url.protocol === 'ws:' ? url.origin : null;
  } catch {
    return null;
  }
}

import browser from 'webextension-polyfill';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { buildAuditEvent } from '../core/audit/buildAuditEvent.ts';
import { createBlockAuditThrottle } from '../core/origins/blockAuditThrottle.ts';

export interface BlockAudit {
  /** A refused request: audited once per origin and kind per minute. `origin` must be an origin, not a URL. */
  blocked(origin: string, kind: string, layer: 'dnr' | 'csp' | 'link'): void;
}

const BLOCKED_BY_CLIENT = 'net::ERR_BLOCKED_BY_CLIENT';
const KIND = /^[a-z0-9:_-]{1,40}$/;

/**
 * Audits what the extension refused to contact. Two sources feed it:
 * - `webRequest.onErrorOccurred` for requests this extension initiated that declarativeNetRequest
 *   blocked (`net::ERR_BLOCKED_BY_CLIENT`). Chrome reports only URLs the extension has host
 *   permission for, which are the Connect host families in the manifest — exactly the hosts the
 *   extension CSP lets through to the DNR layer.
 * - pages' reports of their CSP refusals and blocked links (`blocked`, via the `origin.blockedReport` request).
 */
export function startBlockAudit(audit: (event: AuditEvent) => void): BlockAudit {
  const throttle = createBlockAuditThrottle();
  const initiator = new URL(browser.runtime.getURL('')).origin;

  const blocked: BlockAudit['blocked'] = (origin, kind, layer) => {
    const safeOrigin = originOnly(origin);
    const safeKind = KIND.test(kind) ? kind : 'other';
    if (safeOrigin === null || !throttle.shouldAudit(safeOrigin, `${layer}:${safeKind}`, Date.now())) return;
    audit(buildAuditEvent('origin.blocked', { origin: safeOrigin, kind: safeKind, layer }));
  };

  chrome.webRequest?.onErrorOccurred.addListener(
    (details) => {
      if (details.initiator !== initiator || details.error !== BLOCKED_BY_CLIENT) return;
      blocked(details.url, details.type, 'dnr');
    },
    { urls: ['<all_urls>'] },
  );

  return { blocked };
}

function originOnly(text: string): string | null {
  try {
    const url = new URL(text);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

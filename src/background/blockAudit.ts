import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { buildAuditEvent } from '../core/audit/buildAuditEvent.ts';
import { createBlockAuditThrottle, type BlockAuditThrottle } from '../core/origins/blockAuditThrottle.ts';
import { STORAGE_KEYS } from '../core/storage/storageKeys.ts';

export interface BlockAudit {
  /** A refused request: audited once per origin and kind per minute. `origin` must be an origin, not a URL. */
  blocked(origin: string, kind: string, layer: 'dnr' | 'csp' | 'link'): Promise<void>;
}

const THROTTLE_KEY = STORAGE_KEYS.session.blockAuditThrottle;

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
  // The throttle's memory lives in session storage: a worker stopped and woken within the minute
  // must not audit the same block again. Origins only, never URLs (invariant 1).
  const throttle: Promise<BlockAuditThrottle> = chrome.storage.session.get(THROTTLE_KEY).then(
    (stored) => createBlockAuditThrottle(undefined, undefined, restoredThrottle(stored[THROTTLE_KEY])),
    () => createBlockAuditThrottle(),
  );
  // The extension's origin as Chrome reports initiators (`chrome-extension://<id>`), spelled out:
  // `URL.origin` of a chrome-extension URL is "null" outside Chromium.
  const initiator = chrome.runtime.getURL('').replace(/\/$/, '');
  let writes: Promise<void> = Promise.resolve();

  const blocked: BlockAudit['blocked'] = async (origin, kind, layer) => {
    const safeOrigin = originOnly(origin);
    const safeKind = KIND.test(kind) ? kind : 'other';
    if (safeOrigin === null) return;
    const event = buildAuditEvent('origin.blocked', { origin: safeOrigin, kind: safeKind, layer });
    const memory = await throttle;
    // The throttle remembers the origin as audited (a card number in a host label masked), not as
    // given: its memory is kept in session storage.
    if (!memory.shouldAudit(event.details.origin, `${layer}:${safeKind}`, Date.now())) return;
    audit(event);
    writes = writes.then(() => chrome.storage.session.set({ [THROTTLE_KEY]: memory.remembered() })).catch(() => undefined);
    await writes;
  };

  chrome.webRequest?.onErrorOccurred.addListener(
    (details) => {
      if (details.initiator !== initiator || details.error !== BLOCKED_BY_CLIENT) return;
      void blocked(details.url, details.type, 'dnr');
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

function restoredThrottle(value: unknown): [string, number][] {
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is [string, number] => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number');
}

import { isMessageFromApprovedInstance } from '../core/origins/isMessageFromApprovedInstance.ts';

/**
 * Pins the CCP frame to the approved instance. Streams' conduit accepts any message whose
 * `source` is the CCP iframe's window and never looks at `origin`, so whatever document ends up
 * in that frame (after a redirect, or a navigation the frame starts itself) could drive it.
 *
 * - A capture-phase `message` listener on `window` drops (stopImmediatePropagation) every message
 *   from a window inside the CCP container whose origin is not the instance. At the target
 *   (`window`) capture listeners run before bubble listeners whatever the registration order, and
 *   Streams and its SDK channel listen in the bubble phase; installing before `initCCP` also puts
 *   it first among capture listeners.
 * - Such a message, or a `frame-src` CSP violation while the CCP is embedded (a redirect or
 *   navigation to a host the extension CSP refuses), is a violation: the frame is removed, any frame Streams
 *   creates later in the container is removed too, and `onViolation` gets the offending origin
 *   (never the URL: paths and queries can carry customer data).
 * - The navigation itself is refused: the manifest CSP has to allow every Connect host
 *   (`https://*.my.connect.aws`, fixed at build time), so a document of another Connect host that
 *   says nothing could sit silently in the frame until Streams noticed. Before the frame exists
 *   the guard adds a `frame-src` policy naming the instance alone to the page (a CSP `<meta>`
 *   only narrows the manifest's). Chromium checks the embedder's `frame-src` on every navigation
 *   of the frame, redirects and the frame's own navigations included, so such a navigation never
 *   sends a request and its `securitypolicyviolation` is the violation above, at once.
 */
export interface FrameGuardOptions {
  window: Window;
  container: HTMLElement;
  /** The approved instance: its origin or its CCP URL. */
  instanceOrigin: string;
  onViolation: (origin: string) => void;
}

export interface FrameGuard {
  violated(): boolean;
  dispose(): void;
}

export function installFrameGuard({ window: win, container, instanceOrigin, onViolation }: FrameGuardOptions): FrameGuard {
  let violated = false;
  let observer: MutationObserver | null = null;

  const isCcpFrameWindow = (source: MessageEventSource | null): boolean => {
    if (source === null) return false;
    for (const frame of Array.from(container.querySelectorAll('iframe'))) {
      const frameWindow = frame.contentWindow;
      if (frameWindow === null) continue;
      // Nested frames inside the CCP count too: Streams ignores them, but its SDK channel and any
      // future listener might not.
      let current: Window | null = source instanceof MessagePort || source instanceof ServiceWorker ? null : source;
      while (current !== null) {
        if (current === frameWindow) return true;
        if (current === current.parent || current.parent === win) break;
        current = current.parent;
      }
    }
    return false;
  };

  const tearDown = (): void => {
    for (const frame of Array.from(container.querySelectorAll('iframe'))) frame.remove();
    container.dataset.originViolation = 'true';
    // Streams retries by creating a fresh iframe; none may come back in this page.
    observer = new MutationObserver(() => {
      for (const frame of Array.from(container.querySelectorAll('iframe'))) frame.remove();
    });
    observer.observe(container, { childList: true, subtree: true });
  };

  const violate = (origin: string): void => {
    if (violated) return;
    violated = true;
    tearDown();
    onViolation(originOnly(origin));
  };

  const onMessage = (event: MessageEvent): void => {
    if (!isCcpFrameWindow(event.source)) return;
    if (!violated && isMessageFromApprovedInstance(event.origin, instanceOrigin)) return;
    event.stopImmediatePropagation();
    violate(event.origin);
  };

  const onCspViolation = (event: SecurityPolicyViolationEvent): void => {
    if (event.effectiveDirective !== 'frame-src' && event.effectiveDirective !== 'child-src') return;
    // Chromium fires this at the document, not at the iframe, and reports only the refused
    // origin. The CCP is the only frame the shell makes, so a refused frame navigation while it is
    // embedded is taken to be the CCP's (fail closed: at worst a stray frame ends the session).
    if (container.querySelector('iframe') === null) return;
    violate(event.blockedURI);
  };

  pinFrameSource(win.document, originOnly(instanceOrigin));
  win.addEventListener('message', onMessage, { capture: true });
  win.document.addEventListener('securitypolicyviolation', onCspViolation, { capture: true });

  return {
    violated: () => violated,
    dispose() {
      win.removeEventListener('message', onMessage, { capture: true });
      win.document.removeEventListener('securitypolicyviolation', onCspViolation, { capture: true });
      observer?.disconnect();
    },
  };
}

/** Policies from a `<meta>` cannot be lifted once set: the page is reloaded when the instance changes. */
function pinFrameSource(doc: Document, origin: string): void {
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  // An origin that did not parse pins to nothing, which fails closed (no frame at all).
  meta.content = `frame-src ${origin === 'null' ? "'none'" : origin}`;
  meta.dataset.frameGuard = 'true';
  doc.head.append(meta);
}

/** `null`, a path or a full URL in, a bare origin (or `null`) out. */
function originOnly(text: string): string {
  try {
    const origin = new URL(text).origin;
    return origin === '' ? 'null' : origin;
  } catch {
    return 'null';
  }
}

import type { PopupHandle, PopupPlacement } from '../platform/detachedPopup.ts';

/**
 * Streams opens its login popup with `window.open(url, name, features)` and keeps the handle: it
 * reads `closed`, calls `focus()`, and closes the popup once the CCP acknowledges. A popup that
 * `window.open` makes has an opener, so any page in it (the policy's login page, or anything that
 * page navigates to) could set `opener.location` and swap the shell for a look-alike on any
 * origin. (Disowning it with `popup.opener = null` is not enough: Chromium then no longer lets the
 * shell close it.)
 *
 * So this page's `window.open` opens a window without any opener instead, and hands back a handle
 * with just what Streams uses. Only URLs `mayOpen` approves are opened (the login page is an
 * instance or approved origin by policy validation); anything else gets `null`, as a blocked
 * popup would. It stays for the page's lifetime, like the CCP.
 */
export function installPopupOpenerGuard(
  win: Window,
  openDetached: (url: string, placement: PopupPlacement) => PopupHandle,
  mayOpen: (url: string) => boolean,
): void {
  win.open = (url?: string | URL, _target?: string, features?: string): Window | null => {
    if (url === undefined) return null;
    let absolute: string;
    try {
      absolute = new URL(String(url), win.location.href).href;
    } catch {
      return null;
    }
    if (!mayOpen(absolute)) return null;
    // Streams touches only `closed`, `focus()` and `close()` of the window it opened.
    return openDetached(absolute, placementOf(features ?? '')) as unknown as Window;
  };
}

/** `width=400, height=600, top=0, left=0` → numbers; anything else is ignored. */
export function placementOf(features: string): PopupPlacement {
  const placement: PopupPlacement = {};
  for (const part of features.split(',')) {
    const [rawKey, rawValue] = part.split('=');
    const key = rawKey?.trim().toLowerCase();
    const value = Number.parseInt(rawValue?.trim() ?? '', 10);
    if (!Number.isFinite(value) || value < 0) continue;
    if (key === 'width' || key === 'height' || key === 'top' || key === 'left') placement[key] = value;
  }
  return placement;
}

import { describe, expect, it } from 'vitest';
import type { PopupHandle, PopupPlacement } from '../../../src/platform/detachedPopup.ts';
import { installPopupOpenerGuard, placementOf } from '../../../src/connect/popupOpenerGuard.ts';

const LOGIN = 'https://shield-demo.my.connect.aws/login';

function guardedWindow() {
  const opened: { url: string; placement: PopupPlacement }[] = [];
  const handle: PopupHandle = { closed: false, focus: () => undefined, close: () => undefined };
  const win = { location: { href: 'chrome-extension://abc/src/shell/shell.html' }, open: () => null } as unknown as Window;
  installPopupOpenerGuard(
    win,
    (url, placement) => {
      opened.push({ url, placement });
      return handle;
    },
    (url) => url === LOGIN,
  );
  return { win, opened, handle };
}

describe('installPopupOpenerGuard', () => {
  it('opens the login page detached (no opener) and hands Streams a handle it can close', () => {
    const { win, opened, handle } = guardedWindow();
    expect(win.open(LOGIN, 'connect::loginPopup', 'width=433, height=578, top=0, left=0')).toBe(handle);
    expect(opened).toEqual([{ url: LOGIN, placement: { width: 433, height: 578, top: 0, left: 0 } }]);
  });

  it('opens nothing else', () => {
    const { win, opened } = guardedWindow();
    expect(win.open('https://evil.test/', 'x')).toBeNull();
    expect(win.open('javascript:alert(1)')).toBeNull();
    expect(win.open()).toBeNull();
    expect(opened).toEqual([]);
  });
});

describe('placementOf', () => {
  it('reads the numeric features and ignores the rest', () => {
    expect(placementOf('')).toEqual({});
    expect(placementOf('width=400,height=abc,noopener,left=-5,TOP=7')).toEqual({ width: 400, top: 7 });
  });
});

/** The part of a popup window's handle that Streams uses for its login popup. */
export interface PopupHandle {
  readonly closed: boolean;
  focus(): void;
  close(): void;
}

/** Where and how big the popup is, from `window.open`'s features (`width=…, height=…, top=…, left=…`). */
export interface PopupPlacement {
  width?: number;
  height?: number;
  top?: number;
  left?: number;
}

/**
 * Opens `url` in a new popup window that has no opener at all (`chrome.windows.create`), so no
 * page shown there can reach or navigate the page that asked for it. The handle works at once;
 * the window appears a moment later, and a `close()` before that closes it as soon as it exists.
 */
export function openDetachedPopup(url: string, placement: PopupPlacement): PopupHandle {
  let windowId: number | null = null;
  let closed = false;
  let closeRequested = false;
  const forget = (removedId: number): void => {
    if (removedId !== windowId) return;
    closed = true;
    chrome.windows.onRemoved.removeListener(forget);
  };
  chrome.windows.onRemoved.addListener(forget);
  chrome.windows.create({ url, type: 'popup', focused: true, ...placement }).then(
    (created) => {
      windowId = created?.id ?? null;
      if (windowId === null) closed = true;
      else if (closeRequested) void chrome.windows.remove(windowId).catch(() => undefined);
    },
    () => {
      closed = true;
    },
  );
  return {
    get closed() {
      return closed;
    },
    focus() {
      if (windowId !== null && !closed) void chrome.windows.update(windowId, { focused: true }).catch(() => undefined);
    },
    close() {
      closeRequested = true;
      if (windowId !== null && !closed) void chrome.windows.remove(windowId).catch(() => undefined);
    },
  };
}

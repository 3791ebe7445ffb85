import { useEffect, useRef } from 'react';
import type { CallControl } from '../../core/agent/callControls.ts';
import { shortcutAction } from '../../core/agent/shortcutAction.ts';
import type { ContactView } from '../../core/contact/ContactView.ts';

const SHORTCUT_LOCK = 'connect-shield-shortcuts';

/**
 * The manifest's keyboard commands (accept, hang up, hold, mute; rebindable at
 * chrome://extensions/shortcuts). With a shell tab and a side panel open, both hear a command:
 * only the page holding the shortcut lock acts, so a press never toggles hold twice.
 */
export function useShortcuts(contacts: readonly ContactView[], run: (control: CallControl, contactId: string) => void): void {
  const latest = useRef({ contacts, run });
  latest.current = { contacts, run };

  useEffect(() => {
    let holder = false;
    let release: (() => void) | null = null;
    void navigator.locks?.request(SHORTCUT_LOCK, () => {
      holder = true;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const onCommand = (command: string) => {
      if (!holder) return;
      const action = shortcutAction(command, latest.current.contacts);
      if (action) latest.current.run(action.control, action.contactId);
    };
    chrome.commands?.onCommand.addListener(onCommand);
    return () => {
      chrome.commands?.onCommand.removeListener(onCommand);
      release?.();
    };
  }, []);
}

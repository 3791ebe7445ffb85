import type { ContactView } from '../contact/ContactView.ts';
import { callControls, isRinging, orderForDesk, type CallControl } from './callControls.ts';

/**
 * What a shortcut does on the desk as it is now: the control and the contact it applies to, or
 * null when it applies to nothing (it then does nothing rather than guess).
 */
export function shortcutAction(command: string, contacts: readonly ContactView[]): { control: CallControl; contactId: string } | null {
  const ordered = orderForDesk(contacts);
  const first = (wanted: readonly CallControl[], among: readonly ContactView[] = ordered) => {
    for (const contact of among) {
      const control = callControls(contact).find((candidate) => wanted.includes(candidate));
      if (control) return { control, contactId: contact.contactId };
    }
    return null;
  };
  switch (command) {
    case 'accept-contact':
      return first(['accept'], ordered.filter(isRinging));
    case 'hang-up':
      return first(
        ['hangUp', 'endChat'],
        ordered.filter((contact) => contact.phase === 'connected' || contact.phase === 'on_hold'),
      );
    case 'toggle-hold':
      return first(['hold', 'resume', 'holdAll']);
    case 'toggle-mute':
      return first(['mute', 'unmute']);
    default:
      return null;
  }
}

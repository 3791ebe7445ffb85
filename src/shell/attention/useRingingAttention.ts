import { useEffect, useRef } from 'react';
import { isRinging } from '../../core/agent/callControls.ts';
import type { ContactView } from '../../core/contact/ContactView.ts';
import { t } from '../../platform/i18n.ts';

const NOTIFICATION_PREFIX = 'ringing-';
const ICON_PATH = 'icons/shield-96.png';

/**
 * An incoming contact must not go unnoticed when the shell is scrolled, behind another tab or
 * behind another window: the toolbar badge counts ringing contacts, the page title says so, and
 * a desktop notification (masked data only: channel, queue, masked caller) brings the shell to
 * the front when clicked.
 */
export function useRingingAttention(contacts: readonly ContactView[]): void {
  const notified = useRef(new Set<string>());
  const ringing = contacts.filter(isRinging);
  const key = ringing.map((contact) => contact.contactId).join(',');

  useEffect(() => {
    const count = ringing.length;
    document.title = count > 0 ? t('titleRinging', String(count)) : t('extName');
    void chrome.action?.setBadgeText({ text: count > 0 ? String(count) : '' }).catch(() => undefined);
    if (count > 0) void chrome.action?.setBadgeBackgroundColor({ color: '#d91515' }).catch(() => undefined);
    const live = new Set(ringing.map((contact) => contact.contactId));
    for (const contact of ringing) {
      if (notified.current.has(contact.contactId)) continue;
      notified.current.add(contact.contactId);
      void chrome.notifications?.create(`${NOTIFICATION_PREFIX}${contact.contactId}`, {
        type: 'basic',
        iconUrl: chrome.runtime.getURL(ICON_PATH),
        title: t('notifyIncoming', t(`channel_${contact.channel}`)),
        // Display strings only: the queue name and the caller as the card shows it (masked).
        message: [contact.queue, contact.caller?.display].filter((part) => part).join(' · ') || t('notifyIncomingNoDetails'),
        priority: 2,
        requireInteraction: true,
      });
    }
    for (const contactId of [...notified.current]) {
      if (live.has(contactId)) continue;
      notified.current.delete(contactId);
      void chrome.notifications?.clear(`${NOTIFICATION_PREFIX}${contactId}`);
    }
    // `key` stands for the ringing set; the contacts' other fields do not change what is announced.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    const onClicked = (notificationId: string) => {
      if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
      void focusThisPage();
    };
    chrome.notifications?.onClicked.addListener(onClicked);
    return () => {
      chrome.notifications?.onClicked.removeListener(onClicked);
      void chrome.action?.setBadgeText({ text: '' }).catch(() => undefined);
    };
  }, []);
}

async function focusThisPage(): Promise<void> {
  const tab = await chrome.tabs.getCurrent();
  if (tab?.id !== undefined) await chrome.tabs.update(tab.id, { active: true });
  const windowId = tab?.windowId ?? (await chrome.windows.getCurrent()).id;
  if (windowId !== undefined) await chrome.windows.update(windowId, { focused: true });
  window.focus();
}

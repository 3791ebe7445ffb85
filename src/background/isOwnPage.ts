import type { Runtime } from 'webextension-polyfill';

/** Only this extension's own pages may talk to the worker (no content scripts, no other extensions). */
export function isOwnPage(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

import type { SenderInfo } from './workerRouter.ts';

/** Only this extension's own pages may talk to the worker (no content scripts, no other extensions, no web pages). */
export function isOwnPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

import type { ChatMessageView } from '../core/chat/ChatMessageView.ts';
import { buildChatMessageView, type RawChatItem } from '../core/chat/buildChatMessageView.ts';
import type { ContactMasker } from '../core/contact/ContactMasker.ts';
import { contactChannel, contactPhase } from '../core/contact/contactPhase.ts';
import { followAgent, type AgentSource } from './followAgent.ts';
import { readRawContact } from './readRawContact.ts';

export interface ChatFeedListener {
  chatMessage(message: ChatMessageView): void;
  /** Something went wrong with a chat; the key names a localized message. */
  actionFailed(messageKey: string): void;
}

export interface ChatFeed {
  sendChat(contactId: string, text: string): Promise<void>;
  /** A new policy brings a new masker: messages from now on are masked with it. */
  setMasker(masker: ContactMasker): void;
  dispose(): void;
}

/** The Streams global's chat connection class, needed to tell chat connections apart. */
export type ChatApi = AgentSource & Pick<typeof connect, 'ChatConnection'>;

/**
 * Chat sessions of connected chat contacts, and their messages as masked views. Each chat's
 * session is opened once (through the agent connection's media controller) and dropped when the
 * contact leaves the snapshot.
 */
export function startChatFeed(api: ChatApi, initialMasker: ContactMasker, listener: ChatFeedListener): ChatFeed {
  let masker = initialMasker;
  let disposed = false;
  const sessions = new Map<string, Promise<connect.AgentChatSession>>();

  const follow = (contact: connect.Contact): void => {
    const contactId = contact.getContactId();
    if (sessions.has(contactId)) return;
    const connection = contact.getAgentConnection();
    if (!(connection instanceof api.ChatConnection)) return;
    const session = connection.getMediaController() as Promise<connect.AgentChatSession>;
    sessions.set(contactId, session);
    session.then(
      (chat) => {
        // ChatJS has no way to remove a message handler: after dispose, messages are dropped here.
        const show = (item: RawChatItem): void => {
          if (disposed || !sessions.has(contactId)) return;
          const view = buildChatMessageView(contactId, item, masker, Date.now());
          if (view) listener.chatMessage(view);
        };
        chat.onMessage((event) => show(event.data));
        // A panel opened (or reloaded) mid-chat shows what was said before it, not only what comes next.
        chat.getTranscript({ maxResults: 100, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' }).then(
          (response) => (response.data?.Transcript ?? []).forEach((item: RawChatItem) => show(item)),
          () => {
            if (!disposed) listener.actionFailed('errorChatHistory');
          },
        );
      },
      () => {
        sessions.delete(contactId);
        if (!disposed) listener.actionFailed('errorChatUnavailable');
      },
    );
  };

  const stop = followAgent(api, (agent) => {
    const live = new Set<string>();
    for (const contact of agent.getContacts()) {
      const raw = readRawContact(contact);
      live.add(raw.contactId);
      if (contactChannel(raw.type) === 'chat' && contactPhase(raw.state, raw.agentConnectionState) === 'connected') follow(contact);
    }
    for (const contactId of sessions.keys()) {
      if (!live.has(contactId)) sessions.delete(contactId);
    }
  });

  return {
    async sendChat(contactId, text) {
      const session = sessions.get(contactId);
      if (!session) return listener.actionFailed('errorChatUnavailable');
      try {
        await (await session).sendMessage({ message: text, contentType: 'text/plain' });
      } catch {
        listener.actionFailed('errorChatSend');
      }
    },
    setMasker(next) {
      masker = next;
    },
    dispose() {
      disposed = true;
      stop();
      sessions.clear();
    },
  };
}

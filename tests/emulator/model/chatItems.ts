import { randomUUID } from 'node:crypto';
import type { ChatItem, EmulatedContact } from './types.ts';

export const CHAT_ENDED_CONTENT_TYPE = 'application/vnd.amazonaws.connect.event.chat.ended';

type Role = ChatItem['ParticipantRole'];

/** One transcript item, shaped as the Participant Service sends it (chatjs matches on the contact ids). */
function chatItem(contact: EmulatedContact, role: Role, type: ChatItem['Type'], contentType: string, content: string | undefined, displayName: string): ChatItem {
  const base = {
    AbsoluteTime: new Date().toISOString(),
    Id: randomUUID(),
    Type: type,
    ContentType: contentType,
    ParticipantId: role === 'AGENT' ? contact.agentConnection.connectionId : contact.customerConnection.connectionId,
    DisplayName: displayName,
    ParticipantRole: role,
    InitialContactId: contact.contactId,
    ContactId: contact.contactId,
  };
  return content === undefined ? base : { ...base, Content: content };
}

export function customerMessageItem(contact: EmulatedContact, text: string, contentType: string, displayName: string): ChatItem {
  return chatItem(contact, 'CUSTOMER', 'MESSAGE', contentType, text, displayName);
}

export function agentMessageItem(contact: EmulatedContact, text: string, contentType: string, agentName: string): ChatItem {
  return chatItem(contact, 'AGENT', 'MESSAGE', contentType, text, agentName);
}

/** Typing indicators and read receipts from the agent: echoed like the real service does. */
export function agentEventItem(contact: EmulatedContact, contentType: string, content: string | undefined, agentName: string): ChatItem {
  return chatItem(contact, 'AGENT', 'EVENT', contentType, content, agentName);
}

export function chatEndedItem(contact: EmulatedContact): ChatItem {
  return chatItem(contact, 'SYSTEM', 'EVENT', CHAT_ENDED_CONTENT_TYPE, undefined, contact.customerName);
}

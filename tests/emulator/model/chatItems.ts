import { randomUUID } from 'node:crypto';
import type { ChatItem, EmulatedContact } from './types.ts';

export const CHAT_ENDED_CONTENT_TYPE = 'application/vnd.amazonaws.connect.event.chat.ended';

export function customerMessageItem(contact: EmulatedContact, text: string, contentType: string, displayName: string): ChatItem {
  return {
    AbsoluteTime: new Date().toISOString(),
    Id: randomUUID(),
    Type: 'MESSAGE',
    ContentType: contentType,
    Content: text,
    ParticipantId: contact.customerConnection.connectionId,
    DisplayName: displayName,
    ParticipantRole: 'CUSTOMER',
    InitialContactId: contact.contactId,
    ContactId: contact.contactId,
  };
}

export function agentMessageItem(contact: EmulatedContact, text: string, contentType: string, agentName: string): ChatItem {
  return {
    AbsoluteTime: new Date().toISOString(),
    Id: randomUUID(),
    Type: 'MESSAGE',
    ContentType: contentType,
    Content: text,
    ParticipantId: contact.agentConnection.connectionId,
    DisplayName: agentName,
    ParticipantRole: 'AGENT',
    InitialContactId: contact.contactId,
    ContactId: contact.contactId,
  };
}

/** Typing indicators and read receipts from the agent: echoed like the real service does. */
export function agentEventItem(contact: EmulatedContact, contentType: string, content: string | undefined, agentName: string): ChatItem {
  const base = {
    AbsoluteTime: new Date().toISOString(),
    Id: randomUUID(),
    Type: 'EVENT' as const,
    ContentType: contentType,
    ParticipantId: contact.agentConnection.connectionId,
    DisplayName: agentName,
    ParticipantRole: 'AGENT' as const,
    InitialContactId: contact.contactId,
    ContactId: contact.contactId,
  };
  return content === undefined ? base : { ...base, Content: content };
}

export function chatEndedItem(contact: EmulatedContact): ChatItem {
  return {
    AbsoluteTime: new Date().toISOString(),
    Id: randomUUID(),
    Type: 'EVENT',
    ContentType: CHAT_ENDED_CONTENT_TYPE,
    ParticipantId: contact.customerConnection.connectionId,
    DisplayName: contact.customerName,
    ParticipantRole: 'SYSTEM',
    InitialContactId: contact.contactId,
    ContactId: contact.contactId,
  };
}

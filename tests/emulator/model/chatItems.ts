import { randomUUID } from 'node:crypto';
import type { ChatAttachmentItem, ChatItem, EmulatedContact } from './types.ts';

const CHAT_ENDED_CONTENT_TYPE = 'application/vnd.amazonaws.connect.event.chat.ended';

type Role = ChatItem['ParticipantRole'];

/** One transcript item, shaped as the Participant Service sends it (chatjs matches on the contact ids). */
function chatItem(
  contact: EmulatedContact,
  role: Role,
  type: ChatItem['Type'],
  contentType: string,
  content: string | undefined,
  displayName: string,
): ChatItem {
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

export function chatEndedItem(contact: EmulatedContact): ChatItem {
  return chatItem(contact, 'SYSTEM', 'EVENT', CHAT_ENDED_CONTENT_TYPE, undefined, contact.customerName);
}

const TYPING_CONTENT_TYPE = 'application/vnd.amazonaws.connect.event.typing';

/** Participant events the control API can send, by the name it uses. */
export const PARTICIPANT_EVENT_TYPES = {
  joined: 'application/vnd.amazonaws.connect.event.participant.joined',
  left: 'application/vnd.amazonaws.connect.event.participant.left',
  transferred: 'application/vnd.amazonaws.connect.event.transfer.succeeded',
  transferFailed: 'application/vnd.amazonaws.connect.event.transfer.failed',
  idle: 'application/vnd.amazonaws.connect.event.participant.idle',
  returned: 'application/vnd.amazonaws.connect.event.participant.returned',
} as const;

export type ParticipantEventName = keyof typeof PARTICIPANT_EVENT_TYPES;

export function participantEventItem(contact: EmulatedContact, role: Role, event: ParticipantEventName, displayName: string): ChatItem {
  return chatItem(contact, role, 'EVENT', PARTICIPANT_EVENT_TYPES[event], undefined, displayName);
}

export function typingItem(contact: EmulatedContact, role: Role, displayName: string): ChatItem {
  return chatItem(contact, role, 'EVENT', TYPING_CONTENT_TYPE, undefined, displayName);
}

export function attachmentItem(contact: EmulatedContact, role: Role, attachment: ChatAttachmentItem, displayName: string): ChatItem {
  return { ...chatItem(contact, role, 'ATTACHMENT', attachment.ContentType, undefined, displayName), Attachments: [attachment] };
}

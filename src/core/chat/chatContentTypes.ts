/** Content types the Participant Service sends (amazon-connect-chatjs `CONTENT_TYPE`). */
export const CHAT_CONTENT_TYPES = {
  plain: 'text/plain',
  markdown: 'text/markdown',
  interactive: 'application/vnd.amazonaws.connect.message.interactive',
  interactiveResponse: 'application/vnd.amazonaws.connect.message.interactive.response',
  typing: 'application/vnd.amazonaws.connect.event.typing',
  participantJoined: 'application/vnd.amazonaws.connect.event.participant.joined',
  participantLeft: 'application/vnd.amazonaws.connect.event.participant.left',
  participantIdle: 'application/vnd.amazonaws.connect.event.participant.idle',
  participantReturned: 'application/vnd.amazonaws.connect.event.participant.returned',
  transferSucceeded: 'application/vnd.amazonaws.connect.event.transfer.succeeded',
  transferFailed: 'application/vnd.amazonaws.connect.event.transfer.failed',
  chatEnded: 'application/vnd.amazonaws.connect.event.chat.ended',
} as const;

/** chatjs drops an incoming typing indicator after this long (`TYPING_VALIDITY_TIME`), and sends at most one per window. */
export const TYPING_VALIDITY_MS = 10_000;

// The chat side of the control API: what the customer and the participant service do
// (documented in ../README.md, "Chat").

import { EmulatorError } from '../model/emulatorError.ts';
import { PARTICIPANT_EVENT_TYPES, type ParticipantEventName } from '../model/chatItems.ts';
import type { EmulatorState } from '../model/emulatorState.ts';

type Reply = { readonly status: number; readonly body: unknown };
type ChatRoute = (state: EmulatorState, body: unknown, contactId: string) => Reply;

const ok = (body: unknown = { ok: true }): Reply => ({ status: 200, body });
const ROLES = { customer: 'CUSTOMER', agent: 'AGENT', system: 'SYSTEM' } as const;
/** Customer files are bounded so a test cannot exhaust the emulator; the JSON body limit (1 MB) applies anyway. */
const MAX_ATTACHMENT_BYTES = 700_000;

export const CHAT_ROUTES: ReadonlyArray<readonly [method: string, pattern: RegExp, route: ChatRoute]> = [
  [
    'POST',
    /^\/contacts\/([^/]+)\/typing$/,
    (state, _body, id) => {
      state.customerTyping(id);
      return ok();
    },
  ],
  [
    'POST',
    /^\/contacts\/([^/]+)\/participant-events$/,
    (state, body, id) => {
      const input = objectBody(body);
      const event = input.event;
      if (typeof event !== 'string' || !Object.hasOwn(PARTICIPANT_EVENT_TYPES, event)) {
        throw new EmulatorError(400, `"event" must be one of ${Object.keys(PARTICIPANT_EVENT_TYPES).join(', ')}.`);
      }
      const roleName = input.role ?? 'customer';
      if (typeof roleName !== 'string' || !Object.hasOwn(ROLES, roleName)) throw new EmulatorError(400, '"role" must be customer, agent or system.');
      const displayName = optionalString(input, 'displayName');
      const item = state.addParticipantEvent(id, event as ParticipantEventName, ROLES[roleName as keyof typeof ROLES], displayName);
      return { status: 201, body: { id: item.Id } };
    },
  ],
  [
    'POST',
    /^\/contacts\/([^/]+)\/leave$/,
    (state, _body, id) => {
      state.customerLeaves(id);
      return ok();
    },
  ],
  [
    'POST',
    /^\/contacts\/([^/]+)\/attachments$/,
    (state, body, id) => {
      const input = objectBody(body);
      const name = optionalString(input, 'name');
      const contentType = optionalString(input, 'contentType');
      if (name === undefined || contentType === undefined) throw new EmulatorError(400, '"name" and "contentType" are required.');
      const text = input.text;
      const base64 = input.base64;
      let bytes: Buffer;
      if (typeof text === 'string') bytes = Buffer.from(text, 'utf8');
      else if (typeof base64 === 'string') bytes = Buffer.from(base64, 'base64');
      else throw new EmulatorError(400, 'Give the file as "text" or "base64".');
      if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) throw new EmulatorError(400, `The file must have 1 to ${MAX_ATTACHMENT_BYTES} bytes.`);
      const stored = state.addCustomerAttachment(id, name, contentType, bytes, optionalString(input, 'displayName'));
      return { status: 201, body: { attachmentId: stored.attachmentId, size: stored.size } };
    },
  ],
  [
    'POST',
    /^\/faults\/chat-send$/,
    (state, body) => {
      const input = objectBody(body);
      const count = input.count ?? 1;
      const error = input.error ?? 'server';
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 100)
        throw new EmulatorError(400, '"count" must be an integer from 0 to 100.');
      if (error !== 'server' && error !== 'expired') throw new EmulatorError(400, '"error" must be "server" or "expired".');
      state.chatSendFault = { remaining: count, error };
      return ok({ count, error });
    },
  ],
  [
    'POST',
    /^\/faults\/chat-websocket$/,
    (state, body) => {
      const up = objectBody(body).up;
      if (typeof up !== 'boolean') throw new EmulatorError(400, '"up" must be true or false.');
      state.setChatSocket(up);
      return ok({ up });
    },
  ],
];

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new EmulatorError(400, 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

function optionalString(input: Record<string, unknown>, key: string): string | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new EmulatorError(400, `"${key}" must be a non-empty string.`);
  return value;
}

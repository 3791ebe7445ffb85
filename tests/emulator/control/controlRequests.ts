// Parses and checks control API bodies into typed inputs. Every refusal is an EmulatorError
// (400) with a sentence that says what was wrong.

import { EmulatorError } from '../model/emulatorError.ts';
import type { AgentIdentity, ControlContactState, NewContact } from '../model/emulatorState.ts';

export interface ConfigUpdate {
  readonly approvedOrigins?: string[];
  readonly redirectCcpTo?: string | null;
  readonly xFrameOptions?: 'DENY' | 'SAMEORIGIN' | null;
}

export interface CustomerMessage {
  readonly text: string;
  readonly contentType: CustomerContentType;
  readonly displayName?: string;
}

type CustomerContentType = 'text/plain' | 'text/markdown' | 'application/vnd.amazonaws.connect.message.interactive';
const CUSTOMER_CONTENT_TYPES: readonly CustomerContentType[] = ['text/plain', 'text/markdown', 'application/vnd.amazonaws.connect.message.interactive'];

const CONTROL_STATES: readonly ControlContactState[] = ['connected', 'missed', 'ended', 'rejected', 'error', 'on_hold'];

export function parseAgentUpdate(body: unknown): Partial<AgentIdentity> {
  const input = objectBody(body);
  const update: { -readonly [K in keyof AgentIdentity]?: AgentIdentity[K] } = {};
  for (const key of ['username', 'name', 'routingProfile', 'state'] as const) {
    const value = optionalString(input, key);
    if (value !== undefined) update[key] = value;
  }
  if (input.permissions !== undefined) update.permissions = stringArray(input.permissions, 'permissions');
  return update;
}

export function parseNewContact(body: unknown): NewContact {
  const input = objectBody(body);
  const type = input.type;
  if (type !== 'voice' && type !== 'chat') throw new EmulatorError(400, '"type" must be "voice" or "chat".');
  const initialState = input.initialState;
  if (initialState !== undefined && initialState !== 'connecting' && initialState !== 'incoming') {
    throw new EmulatorError(400, '"initialState" must be "connecting" or "incoming".');
  }
  const contact: { -readonly [K in keyof NewContact]: NewContact[K] } = { type };
  const contactId = optionalString(input, 'contactId');
  if (contactId !== undefined) contact.contactId = contactId;
  const caller = optionalString(input, 'caller');
  if (caller !== undefined) contact.caller = caller;
  const customerName = optionalString(input, 'customerName');
  if (customerName !== undefined) contact.customerName = customerName;
  const queue = optionalString(input, 'queue');
  if (queue !== undefined) contact.queue = queue;
  if (initialState !== undefined) contact.initialState = initialState;
  if (input.attributes !== undefined) contact.attributes = stringMap(input.attributes);
  if (input.monitoring !== undefined) {
    if (typeof input.monitoring !== 'boolean') throw new EmulatorError(400, '"monitoring" must be true or false.');
    contact.monitoring = input.monitoring;
  }
  return contact;
}

export function parseAttributePatch(body: unknown): Record<string, string | null> {
  const input = objectBody(body);
  if (typeof input.attributes !== 'object' || input.attributes === null || Array.isArray(input.attributes)) {
    throw new EmulatorError(400, '"attributes" must be an object of attribute name to string (or null to remove).');
  }
  const patch: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(input.attributes)) {
    if (value !== null && typeof value !== 'string') {
      throw new EmulatorError(400, `Attribute "${key}" must be a string, or null to remove it.`);
    }
    patch[key] = value;
  }
  return patch;
}

export function parseContactState(body: unknown): ControlContactState {
  const state = objectBody(body).state;
  const known = CONTROL_STATES.find((s) => s === state);
  if (!known) throw new EmulatorError(400, `"state" must be one of: ${CONTROL_STATES.join(', ')}.`);
  return known;
}

export function parseCustomerMessage(body: unknown): CustomerMessage {
  const input = objectBody(body);
  const contentType = input.contentType ?? 'text/plain';
  if (!CUSTOMER_CONTENT_TYPES.includes(contentType as CustomerContentType)) {
    throw new EmulatorError(400, `"contentType" must be one of ${CUSTOMER_CONTENT_TYPES.join(', ')}.`);
  }
  // An interactive message may be given as the template object itself; it travels as JSON text.
  if (contentType === CUSTOMER_CONTENT_TYPES[2] && typeof input.content === 'object' && input.content !== null) {
    input.text = JSON.stringify(input.content);
  }
  if (typeof input.text !== 'string' || input.text === '')
    throw new EmulatorError(400, '"text" must be a non-empty string (or "content" an object for interactive messages).');
  const displayName = optionalString(input, 'displayName');
  const typed = contentType as CustomerContentType;
  return displayName === undefined ? { text: input.text, contentType: typed } : { text: input.text, contentType: typed, displayName };
}

/** `{ connectionId? }`: which third party; unset means the obvious one. */
export function parseOptionalConnectionId(body: unknown): string | undefined {
  return optionalString(objectBody(body), 'connectionId');
}

export function parseUnresponsive(body: unknown): boolean {
  const on = objectBody(body).on;
  if (typeof on !== 'boolean') throw new EmulatorError(400, '"on" must be true or false.');
  return on;
}

/** `{method, count?}`: the next `count` (default 1) Streams requests of that method fail. */
export function parseApiFault(body: unknown): { method: string; count: number } {
  const input = objectBody(body);
  const method = optionalString(input, 'method');
  if (method === undefined || !/^[A-Za-z]+$/.test(method))
    throw new EmulatorError(400, '"method" must name a Streams api_request method, e.g. "holdConnection".');
  const count = input.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1000)
    throw new EmulatorError(400, '"count" must be an integer from 0 to 1000.');
  return { method, count };
}

export function parseConfigUpdate(body: unknown): ConfigUpdate {
  const input = objectBody(body);
  const update: { -readonly [K in keyof ConfigUpdate]: ConfigUpdate[K] } = {};
  if (input.approvedOrigins !== undefined) {
    const origins = stringArray(input.approvedOrigins, 'approvedOrigins');
    for (const origin of origins) {
      // Each value lands in a CSP header: refuse anything that could add directives.
      if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s;,']+$/i.test(origin)) {
        throw new EmulatorError(400, `"${origin}" is not an origin like https://example.com or chrome-extension://<id>.`);
      }
    }
    update.approvedOrigins = origins;
  }
  if (input.redirectCcpTo !== undefined) {
    const target = input.redirectCcpTo;
    if (target !== null && (typeof target !== 'string' || !URL.canParse(target))) {
      throw new EmulatorError(400, '"redirectCcpTo" must be an absolute URL or null.');
    }
    update.redirectCcpTo = target;
  }
  if (input.xFrameOptions !== undefined) {
    const value = input.xFrameOptions;
    if (value !== null && value !== 'DENY' && value !== 'SAMEORIGIN') throw new EmulatorError(400, '"xFrameOptions" must be "DENY", "SAMEORIGIN" or null.');
    update.xFrameOptions = value;
  }
  return update;
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new EmulatorError(400, 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function optionalString(input: Record<string, unknown>, key: string): string | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new EmulatorError(400, `"${key}" must be a non-empty string.`);
  return value;
}

function stringArray(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw new EmulatorError(400, `"${key}" must be an array of strings.`);
  }
  return value;
}

function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmulatorError(400, '"attributes" must be an object of attribute name to string value.');
  }
  const map: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new EmulatorError(400, `Attribute "${key}" must be a string.`);
    map[key] = v;
  }
  return map;
}

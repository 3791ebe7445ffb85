// A fake Amazon Connect Participant Service (REST JSON under /participant/*) for the agent's
// chatjs session. The embedder is another origin (chrome-extension://… or a test page), so
// every answer carries CORS headers reflecting the request, like the AWS endpoint does.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { EmulatorError } from '../model/emulatorError.ts';
import type { EmulatorState } from '../model/emulatorState.ts';
import type { EmulatedContact } from '../model/types.ts';
import { readJson, sendJson } from '../http/jsonBody.ts';

export async function handleParticipantRequest(state: EmulatorState, req: IncomingMessage, res: ServerResponse, participantHost: string): Promise<void> {
  const cors = corsHeaders(req);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors);
    res.end();
    return;
  }
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const headers = { ...cors, 'x-amzn-requestid': randomUUID() };
  const fail = (status: number, errorType: string, message: string): void =>
    sendJson(res, status, { message }, { ...headers, 'x-amzn-errortype': errorType });

  if (req.method !== 'POST' || !path.startsWith('/participant/')) {
    fail(404, 'ResourceNotFoundException', `The emulated Participant Service has no ${req.method ?? ''} ${path}.`);
    return;
  }
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (error) {
    if (!(error instanceof EmulatorError)) throw error;
    fail(400, 'ValidationException', error.message);
    return;
  }
  const token = headerValue(req, 'x-amz-bearer');
  const contact = token === undefined ? undefined : state.findContactByToken(token);
  state.log.participantCalls.push({ at: new Date().toISOString(), path, contactId: contact?.contactId ?? null, body });
  if (!contact) {
    fail(403, 'AccessDeniedException', 'The participant token is unknown or its contact was cleared.');
    return;
  }
  const answer = answerFor(state, contact, path, body, participantHost);
  if (answer === undefined) {
    fail(404, 'ResourceNotFoundException', `The emulated Participant Service does not implement ${path}.`);
    return;
  }
  sendJson(res, 200, answer, headers);
}

function answerFor(state: EmulatorState, contact: EmulatedContact, path: string, body: unknown, participantHost: string): unknown {
  const now = new Date().toISOString();
  const expiry = new Date(Date.now() + 3_600_000).toISOString();
  switch (path) {
    case '/participant/connection':
      return {
        Websocket: { Url: `wss://${participantHost}/emulated-websocket`, ConnectionExpiry: expiry },
        ConnectionCredentials: { ConnectionToken: contact.connectionToken, Expiry: expiry },
      };
    case '/participant/message': {
      const item = state.addAgentMessage(contact, stringOf(body, 'Content'), stringOf(body, 'ContentType') || 'text/plain');
      return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
    }
    case '/participant/event':
      return { Id: randomUUID(), AbsoluteTime: now };
    case '/participant/transcript':
      return { InitialContactId: contact.contactId, Transcript: contact.transcript, NextToken: null };
    case '/participant/disconnect':
      if (contact.state !== 'ended') state.end(contact.contactId);
      return {};
    default:
      return undefined;
  }
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': headerValue(req, 'origin') ?? '*',
    'access-control-allow-headers': headerValue(req, 'access-control-request-headers') ?? '*',
    'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
    'access-control-expose-headers': 'x-amzn-requestid,x-amzn-errortype,x-amzn-errormessage,date',
    'access-control-max-age': '600',
    vary: 'origin, access-control-request-headers',
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function stringOf(body: unknown, key: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

// A fake Amazon Connect Participant Service (REST JSON under /participant/*) for the agent's
// chatjs session. The embedder is another origin (chrome-extension://… or a test page), so
// every answer carries CORS headers reflecting the request, like the AWS endpoint does.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { EmulatorError } from '../model/emulatorError.ts';
import type { EmulatorState } from '../model/emulatorState.ts';
import type { EmulatedContact } from '../model/types.ts';
import { readJson, sendJson } from '../http/jsonBody.ts';

export interface ParticipantHosts {
  readonly participantHost: string;
  /** Where attachment URLs point (a separate, S3-like host, as with the real service). */
  readonly attachmentHost: string;
}

export async function handleParticipantRequest(state: EmulatorState, req: IncomingMessage, res: ServerResponse, hosts: ParticipantHosts): Promise<void> {
  const cors = corsHeaders(req);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors);
    res.end();
    return;
  }
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const headers = { ...cors, 'x-amzn-requestid': randomUUID() };
  const fail = (status: number, errorType: string, message: string): void => sendJson(res, status, { message }, { ...headers, 'x-amzn-errortype': errorType });

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
  const fault = FAULTABLE_PATHS.has(path) ? state.takeSendFault() : null;
  if (fault === 'expired') {
    fail(403, 'AccessDeniedException', 'The connection token has expired.');
    return;
  }
  if (fault === 'server') {
    fail(500, 'InternalServerException', 'The emulated Participant Service failed this send on purpose (POST /faults/chat-send).');
    return;
  }
  let answer: unknown;
  try {
    answer = answerFor(state, contact, path, body, hosts);
  } catch (error) {
    if (!(error instanceof EmulatorError)) throw error;
    fail(error.status, 'ValidationException', error.message);
    return;
  }
  if (answer === undefined) {
    fail(404, 'ResourceNotFoundException', `The emulated Participant Service does not implement ${path}.`);
    return;
  }
  sendJson(res, 200, answer, headers);
}

/** Sends the control API can make fail (POST /faults/chat-send): messages and attachment uploads. */
const FAULTABLE_PATHS = new Set(['/participant/message', '/participant/start-attachment-upload']);

function answerFor(state: EmulatorState, contact: EmulatedContact, path: string, body: unknown, hosts: ParticipantHosts): unknown {
  const { participantHost, attachmentHost } = hosts;
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
    case '/participant/transcript': {
      // BACKWARD from the most recent, at most MaxResults (default 15, at most 100), oldest first.
      const requested = numberOf(body, 'MaxResults');
      const max = Math.min(100, Math.max(1, requested ?? 15));
      return { InitialContactId: contact.contactId, Transcript: contact.transcript.slice(-max), NextToken: null };
    }
    case '/participant/start-attachment-upload': {
      const size = numberOf(body, 'AttachmentSizeInBytes') ?? -1;
      const name = stringOf(body, 'AttachmentName');
      const contentType = stringOf(body, 'ContentType');
      if (name === '' || contentType === '' || size <= 0)
        throw new EmulatorError(400, 'AttachmentName, ContentType and a positive AttachmentSizeInBytes are required.');
      if (size > MAX_ATTACHMENT_BYTES) throw new EmulatorError(400, 'The attachment is larger than 20 MB.');
      const upload = state.startAgentUpload(contact, name, contentType, size);
      return {
        AttachmentId: upload.attachmentId,
        UploadMetadata: {
          Url: `https://${attachmentHost}/upload/${upload.attachmentId}?sig=${upload.signature}`,
          UrlExpiry: expiry,
          HeadersToInclude: { 'content-type': contentType },
        },
      };
    }
    case '/participant/complete-attachment-upload': {
      const ids = stringListOf(body, 'AttachmentIds');
      if (!state.completeAgentUploads(contact, ids)) throw new EmulatorError(400, 'Every attachment must be uploaded before CompleteAttachmentUpload.');
      return {};
    }
    case '/participant/attachment': {
      const stored = state.attachments.get(stringOf(body, 'AttachmentId'));
      if (!stored || stored.contactId !== contact.contactId || stored.bytes === null) throw new EmulatorError(400, 'No such attachment in this chat.');
      return {
        Url: `https://${attachmentHost}/download/${stored.attachmentId}?sig=${stored.signature}`,
        UrlExpiry: expiry,
        AttachmentSizeInBytes: stored.size,
      };
    }
    case '/participant/disconnect':
      if (contact.state !== 'ended') state.end(contact.contactId);
      return {};
    default:
      return undefined;
  }
}

export function corsHeaders(req: IncomingMessage): Record<string, string> {
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

const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

function numberOf(body: unknown, key: string): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringListOf(body: unknown, key: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Record<string, unknown>)[key];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

function stringOf(body: unknown, key: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

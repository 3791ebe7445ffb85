// The chat side of the emulator over real sockets: attachments through the participant service
// and the attachment host, send faults, typing and participant events, the websocket dropping.

import { request } from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/startEmulator.ts';
import type { RunningEmulator } from '../../emulator/startEmulator.ts';
import type { ChatItem } from '../../emulator/model/types.ts';

let emulator: RunningEmulator;
const PARTICIPANT = 'participant.connect.us-west-2.amazonaws.com';

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await emulator.control.reset();
});

function httpsCall(
  host: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: emulator.httpsPort, servername: host, method, path, headers: { host, ...headers }, rejectUnauthorized: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function tokenOf(contactId: string): Promise<string> {
  const answer = await httpsCall(
    'shield-demo.my.connect.aws',
    'POST',
    '/emu/api',
    { 'content-type': 'application/json' },
    JSON.stringify({ method: 'createTransport', params: { transportType: 'chat_token', contactId } }),
  );
  return (JSON.parse(answer.body) as { data: { chatTokenTransport: { participantToken: string } } }).data.chatTokenTransport.participantToken;
}

const participant = (token: string, path: string, body: unknown) =>
  httpsCall(PARTICIPANT, 'POST', `/participant/${path}`, { 'x-amz-bearer': token, 'content-type': 'application/json' }, JSON.stringify(body));

async function transcript(token: string): Promise<ChatItem[]> {
  return (JSON.parse((await participant(token, 'transcript', { MaxResults: 100 })).body) as { Transcript: ChatItem[] }).Transcript;
}

describe('emulated chat: attachments', () => {
  it('serves a customer file only through GetAttachment, on a separate host, with a signed URL', async () => {
    const contactId = await emulator.control.addContact({ type: 'chat' });
    const token = await tokenOf(contactId);
    const { attachmentId, size } = await emulator.control.sendCustomerAttachment(contactId, {
      name: 'statement.pdf',
      contentType: 'application/pdf',
      text: '%PDF-1.4 hello',
    });
    expect(size).toBe(14);
    const item = (await transcript(token)).find((entry) => entry.Type === 'ATTACHMENT');
    expect(item?.Attachments).toEqual([{ AttachmentId: attachmentId, AttachmentName: 'statement.pdf', ContentType: 'application/pdf', Status: 'APPROVED' }]);

    const got = JSON.parse((await participant(token, 'attachment', { AttachmentId: attachmentId })).body) as { Url: string; AttachmentSizeInBytes: number };
    const url = new URL(got.Url);
    expect(url.host).toBe(emulator.attachmentHost);
    expect(got.AttachmentSizeInBytes).toBe(14);
    const download = await httpsCall(url.host, 'GET', `${url.pathname}${url.search}`);
    expect([download.status, download.body, download.headers['content-disposition']]).toEqual([200, '%PDF-1.4 hello', 'attachment']);
    expect((await httpsCall(url.host, 'GET', url.pathname)).status).toBe(403);
  });

  it('takes an agent upload: start, PUT to the upload URL, complete → in the transcript', async () => {
    const contactId = await emulator.control.addContact({ type: 'chat' });
    const token = await tokenOf(contactId);
    const started = JSON.parse(
      (
        await participant(token, 'start-attachment-upload', {
          AttachmentName: 'receipt.txt',
          ContentType: 'text/plain',
          AttachmentSizeInBytes: 5,
          ClientToken: 'x',
        })
      ).body,
    ) as { AttachmentId: string; UploadMetadata: { Url: string } };
    expect((await participant(token, 'complete-attachment-upload', { AttachmentIds: [started.AttachmentId] })).status).toBe(400);
    const url = new URL(started.UploadMetadata.Url);
    expect((await httpsCall(url.host, 'PUT', `${url.pathname}${url.search}`, { 'content-type': 'text/plain' }, 'hello')).status).toBe(200);
    expect((await participant(token, 'complete-attachment-upload', { AttachmentIds: [started.AttachmentId] })).status).toBe(200);
    const item = (await transcript(token)).find((entry) => entry.Type === 'ATTACHMENT');
    expect([item?.ParticipantRole, item?.Attachments?.[0]?.AttachmentName]).toEqual(['AGENT', 'receipt.txt']);
  });
});

describe('emulated chat: faults and events', () => {
  it('fails the next sends as asked: a server error, then an expired token', async () => {
    const contactId = await emulator.control.addContact({ type: 'chat' });
    const token = await tokenOf(contactId);
    await emulator.control.failChatSends(1, 'server');
    const failed = await participant(token, 'message', { ContentType: 'text/plain', Content: 'one' });
    expect([failed.status, failed.headers['x-amzn-errortype']]).toEqual([500, 'InternalServerException']);
    expect((await participant(token, 'message', { ContentType: 'text/plain', Content: 'two' })).status).toBe(200);
    await emulator.control.failChatSends(1, 'expired');
    const expired = await participant(token, 'message', { ContentType: 'text/plain', Content: 'three' });
    expect([expired.status, expired.headers['x-amzn-errortype']]).toEqual([403, 'AccessDeniedException']);
    expect((await emulator.control.log()).agentMessages.map((message) => message.content)).toEqual(['two']);
  });

  it('keeps participant events and the customer leaving in the transcript; typing is pushed, not kept', async () => {
    const contactId = await emulator.control.addContact({ type: 'chat', customerName: 'Chloe' });
    await emulator.control.accept(contactId);
    const token = await tokenOf(contactId);
    await emulator.control.customerTyping(contactId);
    await emulator.control.participantEvent(contactId, { event: 'transferred', role: 'system' });
    await emulator.control.sendCustomerMessage(contactId, {
      contentType: 'application/vnd.amazonaws.connect.message.interactive',
      content: { templateType: 'ListPicker', data: { content: { title: 'Pick', elements: [{ title: 'A' }] } } },
    });
    await emulator.control.customerLeaves(contactId);
    const types = (await transcript(token)).map((item) => item.ContentType.replace('application/vnd.amazonaws.connect.', ''));
    expect(types).toEqual(['event.transfer.succeeded', 'message.interactive', 'event.participant.left', 'event.chat.ended']);
    expect((await emulator.control.contact(contactId))?.state).toBe('ended');
  });

  it('while the websocket is down nothing is pushed to the CCP page, and the transcript still has it', async () => {
    const contactId = await emulator.control.addContact({ type: 'chat' });
    const token = await tokenOf(contactId);
    const stream = openPageStream();
    await until(() => stream.text.includes('event: snapshot'));
    await emulator.control.setChatWebsocket(false);
    await emulator.control.sendCustomerMessage(contactId, { text: 'while down' });
    expect((await emulator.control.state()).chatWebsocketUp).toBe(false);
    await emulator.control.setChatWebsocket(true);
    await emulator.control.sendCustomerMessage(contactId, { text: 'after' });
    await until(() => stream.text.includes('after'));
    stream.close();
    expect(stream.text).not.toContain('while down');
    expect(stream.text).toContain('"up":false');
    expect((await transcript(token)).map((item) => item.Content)).toEqual(['while down', 'after']);
  });
});

/** The CCP page's server-sent event stream, as text. */
function openPageStream(): { text: string; close(): void } {
  const stream = { text: '', close: () => {} };
  const req = request(
    {
      host: '127.0.0.1',
      port: emulator.httpsPort,
      servername: 'shield-demo.my.connect.aws',
      method: 'GET',
      path: '/emu/stream',
      headers: { host: 'shield-demo.my.connect.aws' },
      rejectUnauthorized: false,
    },
    (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (stream.text += chunk));
    },
  );
  req.on('error', () => {});
  req.end();
  stream.close = () => req.destroy();
  return stream;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

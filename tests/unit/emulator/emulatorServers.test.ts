// The emulator's HTTP surfaces over real sockets: control API, instance host, Participant Service.

import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/startEmulator.ts';
import type { RunningEmulator } from '../../emulator/startEmulator.ts';
import { ControlApiError } from '../../emulator/control/controlClient.ts';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ approvedOrigins: ['chrome-extension://ojodoldnmcabjmcojfoebnmebmadjfdm'] });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await emulator.control.reset();
});

interface HttpsAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An HTTPS request to one of the emulated host names, the way Chromium's resolver rule sends it. */
function httpsCall(host: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<HttpsAnswer> {
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

async function controlStatus(method: string, path: string, body?: string): Promise<{ status: number; body: unknown }> {
  const init: RequestInit = body === undefined ? { method } : { method, body, headers: { 'content-type': 'application/json' } };
  const response = await fetch(`${emulator.controlUrl}${path}`, init);
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('control API', () => {
  it('describes what it returns for start-up values', () => {
    expect(emulator.ccpUrl).toBe('https://shield-demo.my.connect.aws/ccp-v2');
    expect(emulator.hostResolverRules).toBe(
      `MAP shield-demo.my.connect.aws 127.0.0.1:${emulator.httpsPort}, MAP participant.connect.us-west-2.amazonaws.com 127.0.0.1:${emulator.httpsPort}, MAP shield-attachments.s3.us-west-2.amazonaws.com 127.0.0.1:${emulator.httpsPort}`,
    );
    expect(emulator.chromiumArgs).toEqual([
      `--host-resolver-rules=${emulator.hostResolverRules}`,
      `--ignore-certificate-errors-spki-list=${emulator.spkiHash}`,
    ]);
    expect(emulator.spkiHash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('creates contacts (201), updates attributes and the agent', async () => {
    const created = await controlStatus('POST', '/contacts', JSON.stringify({ type: 'chat', contactId: 'c-1', attributes: { a: 'x' } }));
    expect(created).toEqual({ status: 201, body: { contactId: 'c-1' } });
    expect(await emulator.control.updateAttributes('c-1', { a: null, b: 'y' })).toEqual({ b: 'y' });
    await emulator.control.setAgent({ name: 'Grace', permissions: ['p1'], state: 'Available' });
    const state = await emulator.control.state();
    expect(state.agent).toMatchObject({ name: 'Grace', permissions: ['p1'], state: 'Available' });
    expect(state.contacts.map((c) => [c.contactId, c.type, c.state])).toEqual([['c-1', 'chat', 'connecting']]);
  });

  it('answers 400 with a sentence for bad requests and 404 for unknown contacts', async () => {
    expect(await controlStatus('POST', '/contacts', '{not json')).toEqual({ status: 400, body: { error: 'The request body is not valid JSON.' } });
    expect(await controlStatus('POST', '/contacts', JSON.stringify({ type: 'fax' }))).toEqual({
      status: 400,
      body: { error: '"type" must be "voice" or "chat".' },
    });
    expect((await controlStatus('POST', '/contacts/ghost/state', JSON.stringify({ state: 'ended' }))).status).toBe(404);
    expect((await controlStatus('POST', '/faults/unresponsive', JSON.stringify({ on: 'yes' }))).status).toBe(400);
    expect((await controlStatus('PUT', '/config', JSON.stringify({ approvedOrigins: ["https://a.example 'unsafe-inline'"] }))).status).toBe(400);
    expect((await controlStatus('GET', '/nowhere')).status).toBe(404);
    await expect(emulator.control.accept('ghost')).rejects.toEqual(new ControlApiError(404, 'No contact with id "ghost" exists in the emulator.'));
  });
});

describe('instance host /ccp-v2', () => {
  it('serves the page with the frame-ancestors of the approved origins and a strict CSP', async () => {
    for (const path of ['/ccp-v2', '/ccp-v2/', '/ccp-v2?foo=1']) {
      const answer = await httpsCall('shield-demo.my.connect.aws', 'GET', path);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'self' chrome-extension://ojodoldnmcabjmcojfoebnmebmadjfdm;");
      expect(answer.headers['content-security-policy']).toContain("script-src 'self';");
      expect(answer.body).not.toMatch(/<script>/);
    }
    await emulator.control.configure({ approvedOrigins: ['https://crm.example.com'] });
    const changed = await httpsCall('shield-demo.my.connect.aws', 'GET', '/ccp-v2');
    expect(changed.headers['content-security-policy']).toContain("frame-ancestors 'self' https://crm.example.com;");
  });

  it('redirects when told to and answers 503 while unresponsive', async () => {
    await emulator.control.configure({ redirectCcpTo: 'https://evil.example/ccp' });
    const redirected = await httpsCall('shield-demo.my.connect.aws', 'GET', '/ccp-v2');
    expect([redirected.status, redirected.headers.location]).toEqual([302, 'https://evil.example/ccp']);
    await emulator.control.configure({ redirectCcpTo: null });
    await emulator.control.setUnresponsive(true);
    expect((await httpsCall('shield-demo.my.connect.aws', 'GET', '/ccp-v2')).status).toBe(503);
    await emulator.control.setUnresponsive(false);
    expect((await httpsCall('shield-demo.my.connect.aws', 'GET', '/ccp-v2')).status).toBe(200);
  });

  it('refuses host names it does not emulate', async () => {
    expect((await httpsCall('other.example', 'GET', '/ccp-v2')).status).toBe(421);
  });
});

describe('Participant Service', () => {
  const host = 'participant.connect.us-west-2.amazonaws.com';
  const origin = 'chrome-extension://ojodoldnmcabjmcojfoebnmebmadjfdm';

  it('answers CORS preflights by reflecting origin and headers', async () => {
    const answer = await httpsCall(host, 'OPTIONS', '/participant/message', {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-amz-bearer,content-type,amz-sdk-request',
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(origin);
    expect(answer.headers['access-control-allow-headers']).toBe('x-amz-bearer,content-type,amz-sdk-request');
    expect(answer.headers['access-control-expose-headers']).toContain('x-amzn-requestid');
  });

  it('records agent messages, serves the transcript and refuses unknown tokens', async () => {
    const contactId = await emulator.control.addContact({ type: 'chat' });
    const token = await connectionTokenOf(contactId);
    await emulator.control.sendCustomerMessage(contactId, { text: 'hi there' });
    const sent = await httpsCall(
      host,
      'POST',
      '/participant/message',
      { origin, 'x-amz-bearer': token, 'content-type': 'application/json' },
      JSON.stringify({ ContentType: 'text/plain', Content: 'hello back', ClientToken: 'c1' }),
    );
    expect(sent.status).toBe(200);
    expect(sent.headers['access-control-allow-origin']).toBe(origin);
    expect(JSON.parse(sent.body)).toEqual({ Id: expect.any(String), AbsoluteTime: expect.any(String) });

    const transcript = await httpsCall(host, 'POST', '/participant/transcript', { 'x-amz-bearer': token }, '{}');
    const items = (JSON.parse(transcript.body) as { Transcript: Array<{ Content: string; ParticipantRole: string }> }).Transcript;
    expect(items.map((i) => [i.ParticipantRole, i.Content])).toEqual([
      ['CUSTOMER', 'hi there'],
      ['AGENT', 'hello back'],
    ]);

    const refused = await httpsCall(host, 'POST', '/participant/message', { 'x-amz-bearer': 'forged' }, '{}');
    expect([refused.status, refused.headers['x-amzn-errortype']]).toEqual([403, 'AccessDeniedException']);
    const log = await emulator.control.log();
    expect(log.agentMessages.map((m) => m.content)).toEqual(['hello back']);
    expect(log.participantCalls.map((c) => [c.path, c.contactId])).toEqual([
      ['/participant/message', contactId],
      ['/participant/transcript', contactId],
      ['/participant/message', null],
    ]);
  });
});

/** The connection token Streams would get from createTransport, fetched through the page API. */
async function connectionTokenOf(contactId: string): Promise<string> {
  const answer = await httpsCall(
    'shield-demo.my.connect.aws',
    'POST',
    '/emu/api',
    { 'content-type': 'application/json' },
    JSON.stringify({ method: 'createTransport', params: { transportType: 'chat_token', contactId } }),
  );
  const parsed = JSON.parse(answer.body) as { data: { chatTokenTransport: { participantToken: string } } };
  return parsed.data.chatTokenTransport.participantToken;
}

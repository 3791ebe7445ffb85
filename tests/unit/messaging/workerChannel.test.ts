import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerRouter, type WorkerHandlers } from '../../../src/background/workerRouter.ts';
import { buildAuditEvent } from '../../../src/core/audit/buildAuditEvent.ts';
import { readWorkerReply, WORKER_CHANNEL, workerRequestMessage } from '../../../src/core/messaging/workerMessages.ts';
import { NOTHING, WORKER_REQUESTS } from '../../../src/core/messaging/workerRequests.ts';
import { callWorker } from '../../../src/platform/callWorker.ts';

const OWN = { id: 'own-id', url: 'chrome-extension://own-id/src/shell/shell.html' };
const missingState = { status: 'missing', missing: ['/instance'], message: 'No instance', checkedAt: '2026-12-01T00:00:00.000Z', mode: 'evaluation' };

function handlers(overrides: Partial<WorkerHandlers> = {}): WorkerHandlers & { recorded: unknown[]; blocked: unknown[] } {
  const recorded: unknown[] = [];
  const blocked: unknown[] = [];
  return {
    recorded,
    blocked,
    'audit.record': async (event) => {
      recorded.push(event);
      return NOTHING;
    },
    'policy.current': async () => missingState as never,
    'audit.recent': async () => ({ rows: [], drops: [], exporting: false }),
    'origin.blockedReport': async (report) => {
      blocked.push(report);
      return NOTHING;
    },
    'risk.assessContact': async () => ({ risk: { check: 'not_provided', denyListed: false, repeat: null } }),
    'contacts.liveReport': async () => NOTHING,
    'desk.signedIn': async () => NOTHING,
    'instance.choose': async () => ({ result: 'refused', reason: 'unlisted' }),
    ...overrides,
  };
}

function router(options: { handlers?: WorkerHandlers; ready?: Promise<unknown> } = {}) {
  return createWorkerRouter({
    handlers: options.handlers ?? handlers(),
    isAllowedSender: (sender) => sender.id === OWN.id && sender.url?.startsWith('chrome-extension://own-id/') === true,
    ready: options.ready ?? Promise.resolve(),
  });
}

describe('the worker router', () => {
  it('answers an own page with the handler’s response', async () => {
    const table = handlers();
    const event = buildAuditEvent('ccp.unreachable', {}, Date.parse('2026-12-01T10:00:00Z'));
    await expect(router({ handlers: table }).handle(workerRequestMessage('audit.record', event), OWN)).resolves.toEqual({ ok: true, response: {} });
    expect(table.recorded).toEqual([event]);
  });

  it('refuses a sender that is not one of the extension’s pages, without running the handler', async () => {
    const table = handlers();
    const message = workerRequestMessage('origin.blockedReport', { origin: 'https://evil.example', kind: 'link', layer: 'link' });
    for (const sender of [
      { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' },
      { id: OWN.id, url: 'https://evil.example/' },
      { id: OWN.id },
      {},
    ]) {
      await expect(router({ handlers: table }).handle(message, sender)).resolves.toEqual({ ok: false, refusal: 'refused' });
    }
    expect(table.blocked).toEqual([]);
  });

  it('leaves messages that are not on the channel to other listeners', () => {
    for (const message of [null, 'text', { type: 'connect-shield/audit' }, { channel: 'other', request: 'audit.record' }]) {
      expect(router().handle(message, OWN)).toBeNull();
    }
  });

  it('refuses a request name the contract does not know, including inherited names', async () => {
    for (const request of ['audit.delete', 'toString', '__proto__', 42]) {
      await expect(router().handle({ channel: WORKER_CHANNEL, request, payload: {} }, OWN)).resolves.toEqual({ ok: false, refusal: 'unknown-request' });
    }
  });

  it('refuses a payload that does not fit the request, without running the handler', async () => {
    const table = handlers();
    const send = (request: string, payload: unknown) => router({ handlers: table }).handle({ channel: WORKER_CHANNEL, request, payload }, OWN);
    await expect(send('audit.record', { type: 'made.up', at: '2026-12-01T00:00:00Z', details: {} })).resolves.toEqual({
      ok: false,
      refusal: 'invalid-payload',
    });
    await expect(send('origin.blockedReport', { origin: 'https://x.example', kind: 'Frame Src!', layer: 'csp' })).resolves.toEqual({
      ok: false,
      refusal: 'invalid-payload',
    });
    await expect(send('origin.blockedReport', { origin: 'https://x.example', kind: 'frame-src', layer: 'dnr' })).resolves.toEqual({
      ok: false,
      refusal: 'invalid-payload',
    });
    await expect(send('policy.current', { anything: true })).resolves.toEqual({ ok: false, refusal: 'invalid-payload' });
    expect(table.recorded).toEqual([]);
    expect(table.blocked).toEqual([]);
  });

  it('runs no handler before start-up is done', async () => {
    let finishStartup = (): void => undefined;
    const ready = new Promise<void>((resolve) => (finishStartup = resolve));
    const table = handlers();
    const reply = router({ handlers: table, ready }).handle(
      workerRequestMessage('origin.blockedReport', { origin: 'https://x.example', kind: 'link', layer: 'link' }),
      OWN,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(table.blocked).toEqual([]);
    finishStartup();
    await expect(reply).resolves.toEqual({ ok: true, response: {} });
    expect(table.blocked).toHaveLength(1);
  });

  it('still answers after a failed start-up, and reports a failing handler as failed', async () => {
    const table = handlers({
      'policy.current': async () => {
        throw new Error('storage is gone');
      },
    });
    const onHandlerError = vi.fn();
    const failing = createWorkerRouter({ handlers: table, isAllowedSender: () => true, ready: Promise.reject(new Error('migration failed')), onHandlerError });
    await expect(failing.handle(workerRequestMessage('policy.current', NOTHING), OWN)).resolves.toEqual({ ok: false, refusal: 'failed' });
    expect(onHandlerError).toHaveBeenCalledWith('policy.current', expect.any(Error));
  });
});

describe('reading a reply on the page', () => {
  const parse = WORKER_REQUESTS['policy.current'].parseResponse;

  it('returns the typed response', () => {
    expect(readWorkerReply({ ok: true, response: missingState }, parse)).toEqual({ ok: true, response: missingState });
  });

  it('calls anything that is not a reply of the contract an invalid response', () => {
    for (const reply of [
      undefined,
      null,
      'ok',
      { ok: true },
      { ok: true, response: { status: 'ok' } },
      { ok: false, refusal: 'because' },
      { ok: 'yes', response: missingState },
    ]) {
      expect(readWorkerReply(reply, parse)).toEqual({ ok: false, error: 'invalid-response' });
    }
  });

  it('passes the worker’s refusal through', () => {
    expect(readWorkerReply({ ok: false, refusal: 'refused' }, parse)).toEqual({ ok: false, error: 'refused' });
  });
});

describe('callWorker', () => {
  afterEach(() => vi.unstubAllGlobals());

  function stubSendMessage(sendMessage: (message: unknown) => Promise<unknown>): void {
    vi.stubGlobal('chrome', { runtime: { sendMessage } });
  }

  it('sends the request on the channel and returns the typed response', async () => {
    const sent: unknown[] = [];
    stubSendMessage(async (message) => {
      sent.push(message);
      return { ok: true, response: missingState };
    });
    await expect(callWorker('policy.current', NOTHING)).resolves.toEqual({ ok: true, response: missingState });
    expect(sent).toEqual([{ channel: WORKER_CHANNEL, request: 'policy.current', payload: {} }]);
  });

  it('says the worker is unavailable when Chrome cannot deliver the message', async () => {
    stubSendMessage(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    await expect(callWorker('policy.current', NOTHING)).resolves.toEqual({ ok: false, error: 'worker-unavailable' });
  });

  it('says the response is invalid when nobody answered on the channel', async () => {
    stubSendMessage(async () => undefined);
    await expect(callWorker('origin.blockedReport', { origin: 'https://x.example', kind: 'link', layer: 'link' })).resolves.toEqual({
      ok: false,
      error: 'invalid-response',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { startContactFeed } from '../../../src/connect/contactFeed.ts';
import type { ContactView } from '../../../src/core/contact/ContactView.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';
import type { AssessContactRequest } from '../../../src/core/risk/assessContactRequest.ts';
import type { CallerRisk } from '../../../src/core/risk/CallerRisk.ts';
import { FakeStreams } from '../connect/fakeStreams.ts';

const masker = createMaskingEngine(applyDefaults({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2/' } }).masking, { defaultCountry: 'JP' });
const silent = { audit: () => undefined, actionFailed: () => undefined };
const ringing = { contactId: 'v-1', type: 'voice' as const, state: 'incoming', callerNumber: '090-1234-5678', attributes: {} };
const DENIED: CallerRisk = { check: 'checked', denyListed: true, repeat: null };

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

describe('the contact feed asks the worker about each caller once, while the contact rings', () => {
  it('shows pending, then the verdict, asking once however many snapshots arrive', async () => {
    const streams = new FakeStreams();
    const published: ContactView[][] = [];
    const asked: AssessContactRequest[] = [];
    const answer = deferred<CallerRisk>();
    startContactFeed(streams, { masker, secureFields: [] }, { ...silent, contacts: (views) => published.push(views) }, (request) => {
      asked.push(request);
      return answer.promise;
    });
    streams.push([ringing]);
    streams.push([ringing]);
    expect(published.at(-1)?.[0]?.callerRisk).toEqual({ status: 'pending' });
    answer.resolve(DENIED);
    await answer.promise;
    await Promise.resolve();
    expect(published.at(-1)?.[0]?.callerRisk).toEqual({ status: 'assessed', risk: DENIED });
    expect(published.at(-1)?.[0]?.phase).toBe('incoming');
    expect(asked).toEqual([{ contactId: 'v-1', channel: 'voice', customer: '090-1234-5678' }]);
    // The views carry the verdict, never the number.
    expect(JSON.stringify(published)).not.toMatch(/1234-5678|9012345678/);
  });

  it('says so when the worker cannot answer', async () => {
    const streams = new FakeStreams();
    const published: ContactView[][] = [];
    startContactFeed(streams, { masker, secureFields: [] }, { ...silent, contacts: (views) => published.push(views) }, () =>
      Promise.reject(new Error('worker gone')),
    );
    streams.push([ringing]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(published.at(-1)?.[0]?.callerRisk).toEqual({ status: 'unavailable' });
  });

  it('checks a chat only when Connect gives the customer’s number', () => {
    const streams = new FakeStreams();
    const published: ContactView[][] = [];
    const asked: AssessContactRequest[] = [];
    startContactFeed(streams, { masker, secureFields: [] }, { ...silent, contacts: (views) => published.push(views) }, async (request) => {
      asked.push(request);
      return DENIED;
    });
    streams.push([
      { contactId: 'web-chat', type: 'chat', state: 'incoming', attributes: {} },
      { contactId: 'sms-chat', type: 'chat', state: 'incoming', callerNumber: '+819012345678', attributes: {} },
    ]);
    expect(published.at(-1)?.find((view) => view.contactId === 'web-chat')?.callerRisk).toEqual({
      status: 'assessed',
      risk: { check: 'not_provided', denyListed: false, repeat: null },
    });
    expect(asked.map((request) => request.contactId)).toEqual(['sms-chat']);
  });
});

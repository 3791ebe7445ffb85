import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageSurfaces, spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditEvents } from './support/storedAuditEvents.ts';

const CIPHERTEXT = `AYADeHhQ${'k9Zq3Rt7Vb2XyLmN4pQs8Ud'.repeat(6)}==`;
const CARD = '5555 5555 5555 4444';

describe('secure-IVR fields are status, never data', () => {
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    session = await startShieldSession({
      withPolicy: { secureIvr: { fields: [{ label: 'Card number', valueAttribute: 'card_number', statusAttribute: 'card_capture_status' }] } },
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
  const incidents = async () =>
    (storedAuditEvents((await session.shield.storageDump()).local)).filter(
      (event) => event.type === 'ivr.plaintext_incident',
    );

  it('shows a capture as its status as it progresses, never the ciphertext', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const contactId = await control.addContact({ type: 'voice', attributes: { card_capture_status: 'in_progress', orderId: 'ORD-7' } });
    await expect.poll(() => capture(contactId).getAttribute('data-status')).toBe('in_progress');
    await control.updateAttributes(contactId, { card_number: CIPHERTEXT, card_capture_status: 'captured' });
    await expect.poll(() => capture(contactId).getAttribute('data-status')).toBe('captured');
    expect(await capture(contactId).textContent()).toBe('Card number captured, encrypted');
    expect(await capture(contactId).getAttribute('data-incident')).toBeNull();
    const names = await page.locator(`[data-contact-id="${contactId}"] [data-testid=attribute]`).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')));
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
    expect(await capture(contactId).textContent()).toContain('Card number not encrypted');
    // More snapshots of the same contact do not repeat the incident.
    await control.updateAttributes(contactId, { note: 'follow-up' });
    await page.locator(`[data-contact-id="${contactId}"] [data-testid=attribute][data-name=note]`).waitFor();
    await expect.poll(async () => (await incidents()).length).toBe(1);
    expect((await incidents())[0]?.details).toEqual({ contactId, field: 'Card number' });
    const everywhere = (await pageSurfaces(page)) + JSON.stringify(await session.shield.storageDump());
    for (const raw of spellings(CARD)) expect(everywhere).not.toContain(raw);
  });
});

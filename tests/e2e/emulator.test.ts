// The CCP emulator against the REAL amazon-connect-streams and amazon-connect-chatjs, in
// headless Chromium, through the real-looking host names (host-resolver rules + SPKI pin).

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startEmulator } from '../emulator/startEmulator.ts';
import type { RunningEmulator } from '../emulator/startEmulator.ts';
import type { TestEmbedderApi, TestEmbedderWindow } from '../emulator/embedder/testEmbedderApi.ts';

let emulator: RunningEmulator;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    testEmbedder: true,
    approvedOrigins: ['https://embedder.test'],
    agent: { name: 'Ada Agent', username: 'ada', state: 'Available' },
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      ...emulator.chromiumArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

beforeEach(async () => {
  await emulator.control.reset();
});

afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close()));
});

/** Defined by the embedder page; only callable inside page.evaluate / page.waitForFunction. */
declare function embedder(): TestEmbedderApi;

/** Opens the embedding page and waits until Streams has the agent. */
async function openEmbedder(query = ''): Promise<Page> {
  const page = await browser.newPage();
  pages.push(page);
  await page.goto(`${emulator.embedderUrl ?? ''}${query}`);
  await page.waitForFunction(() => (window as TestEmbedderWindow).__embedder?.events.includes('agent-init') === true);
  return page;
}

async function waitForContactState(page: Page, contactId: string, state: string): Promise<void> {
  await page.waitForFunction(([id, expected]) => (window as TestEmbedderWindow).__embedder?.contactState(id) === expected, [contactId, state] as const);
}

describe('CCP emulator with the real Streams and chatjs', () => {
  it('initialises the agent with the configured identity', async () => {
    await emulator.control.setAgent({ name: 'Grace Agent', permissions: ['outboundCall'] });
    const page = await openEmbedder();
    expect(await page.evaluate(() => embedder().agentName())).toBe('Grace Agent');
    expect(await page.evaluate(() => embedder().agentState())).toBe('Available');
    expect((await emulator.control.state()).openPages).toBeGreaterThanOrEqual(1);
  });

  it('runs a voice contact through accept, hang-up (after-contact work) and clear', async () => {
    const page = await openEmbedder();
    const contactId = await emulator.control.addContact({
      type: 'voice',
      caller: '+81312345678',
      attributes: { orderId: '42', tier: 'gold' },
    });
    await waitForContactState(page, contactId, 'connecting');
    expect(await page.evaluate((id) => embedder().contactAttributes(id), contactId)).toEqual({ orderId: '42', tier: 'gold' });
    expect(await page.evaluate((id) => embedder().customerNumber(id), contactId)).toBe('+81312345678');
    expect(await page.evaluate(() => embedder().agentState())).toBe('PendingBusy');

    await emulator.control.updateAttributes(contactId, { tier: null, reason: 'billing' });
    await page.waitForFunction((id) => embedder().contactAttributes(id)?.reason === 'billing', contactId);
    expect(await page.evaluate((id) => embedder().contactAttributes(id), contactId)).toEqual({ orderId: '42', reason: 'billing' });

    await page.evaluate((id) => embedder().accept(id), contactId);
    await waitForContactState(page, contactId, 'connected');
    expect((await emulator.control.contact(contactId))?.state).toBe('connected');

    await page.evaluate((id) => embedder().hangUp(id), contactId);
    await waitForContactState(page, contactId, 'ended');
    expect((await emulator.control.contact(contactId))?.state).toBe('ended');
    expect(await page.evaluate(() => embedder().agentState())).toBe('AfterCallWork');

    await page.evaluate((id) => embedder().clear(id), contactId);
    await waitForContactState(page, contactId, 'destroyed');
    expect(await emulator.control.contact(contactId)).toBeUndefined();

    const events = await page.evaluate(() => embedder().events.filter((e) => e.startsWith('contact:')));
    // "accepted" is Streams' own broadcast round trip, so it may land either side of "connected".
    expect(events.filter((e) => !e.endsWith(':accepted'))).toEqual(
      ['init', 'connecting', 'connected', 'acw', 'ended', 'destroyed'].map((e) => `contact:${contactId}:${e}`),
    );
    expect(events).toContain(`contact:${contactId}:accepted`);
    const methods = (await emulator.control.log()).apiRequests.map((r) => r.method);
    expect(methods).toEqual(expect.arrayContaining(['acceptContact', 'destroyConnection', 'clearContact']));
  });

  it('runs a chat alongside a ringing voice contact, both ways through chatjs', async () => {
    const page = await openEmbedder();
    const voiceId = await emulator.control.addContact({ type: 'voice', caller: '+15555550123' });
    const chatId = await emulator.control.addContact({ type: 'chat', customerName: 'Chloe' });
    await waitForContactState(page, chatId, 'connecting');
    await page.evaluate((id) => embedder().accept(id), chatId);
    await waitForContactState(page, chatId, 'connected');
    await page.evaluate((id) => embedder().startChat(id), chatId);

    await emulator.control.sendCustomerMessage(chatId, { text: 'Hello, I need help' });
    await page.waitForFunction(
      (id) =>
        embedder()
          .chatMessages(id)
          .some((m) => m.content === 'Hello, I need help'),
      chatId,
    );
    expect(await page.evaluate((id) => embedder().chatMessages(id)[0], chatId)).toEqual({
      role: 'CUSTOMER',
      contentType: 'text/plain',
      content: 'Hello, I need help',
    });

    await page.evaluate((id) => embedder().sendChat(id, 'Happy to help'), chatId);
    const log = await emulator.control.log();
    expect(log.agentMessages).toEqual([expect.objectContaining({ contactId: chatId, content: 'Happy to help', contentType: 'text/plain' })]);
    expect(log.participantCalls.map((c) => c.path)).toContain('/participant/message');
    // Like the real service, the agent's own message comes back over the websocket.
    await page.waitForFunction(
      (id) =>
        embedder()
          .chatMessages(id)
          .some((m) => m.role === 'AGENT' && m.content === 'Happy to help'),
      chatId,
    );

    expect(await page.evaluate((id) => embedder().contactState(id), voiceId)).toBe('connecting');
    expect((await emulator.control.state()).contacts.map((c) => c.contactId)).toEqual([voiceId, chatId]);
  });

  it('delivers an auth failure to connect.core.onAuthFail', async () => {
    const page = await openEmbedder();
    const { pages: reached } = await emulator.control.authFail();
    expect(reached).toBeGreaterThanOrEqual(1);
    await page.waitForFunction(() => embedder().events.includes('auth_fail'));
  });

  it('stops answering when unresponsive, and Streams recovers through an iframe refresh', async () => {
    const page = await openEmbedder('?ccpLoadTimeout=2000&ccpAckTimeout=1000&enableAckTimeout=1');
    await page.evaluate(() => {
      const frame = document.querySelector('iframe');
      if (frame) frame.dataset.generation = 'first';
    });
    await emulator.control.setUnresponsive(true);
    await page.waitForFunction(() => embedder().events.includes('ack_timeout'));
    // Streams replaces the iframe; the new load gets a 503 while the fault is on.
    await page.waitForFunction(() => document.querySelector('iframe')?.dataset.generation !== 'first');
    await emulator.control.setUnresponsive(false);
    await page.waitForFunction(() => {
      const events = embedder().events;
      return events.lastIndexOf('acknowledge') > events.lastIndexOf('ack_timeout');
    });
    const contactId = await emulator.control.addContact({ type: 'voice' });
    await waitForContactState(page, contactId, 'connecting');
  });

  it('draws a CCP panel in the iframe that acts on the same server state', async () => {
    const page = await openEmbedder();
    const contactId = await emulator.control.addContact({ type: 'voice', caller: '+447700900123' });
    await waitForContactState(page, contactId, 'connecting');
    const frame = page.frameLocator('iframe[name="Amazon Connect CCP"]');
    await expect.poll(() => frame.locator('.ccp-agent-name').textContent()).toBe('Ada Agent');
    const row = frame.locator(`li[data-contact-id="${contactId}"]`);
    expect(await row.locator('.ccp-contact-caller').textContent()).toBe('+447700900123');
    await row.getByRole('button', { name: 'Accept' }).click();
    await waitForContactState(page, contactId, 'connected');
    await row.getByRole('button', { name: 'Hang up' }).click();
    await waitForContactState(page, contactId, 'ended');
    await row.getByRole('button', { name: 'Clear' }).click();
    await waitForContactState(page, contactId, 'destroyed');
  });

  it("shows a signed-in page when opened top-level, as Streams' login popup", async () => {
    const page = await browser.newPage();
    pages.push(page);
    const response = await page.goto(emulator.ccpUrl);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Signed in to the emulated Amazon Connect');
  });

  it('is framed only by approved origins (frame-ancestors)', async () => {
    await emulator.control.configure({ approvedOrigins: ['chrome-extension://ojodoldnmcabjmcojfoebnmebmadjfdm'] });
    const page = await browser.newPage();
    pages.push(page);
    const blocked = page.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
    await page.goto(`${emulator.embedderUrl ?? ''}?ccpLoadTimeout=2000`);
    await blocked;
    await page.waitForFunction(() => embedder().events.includes('ack_timeout'));
    expect(await page.evaluate(() => embedder().agentName())).toBeNull();
  });
});

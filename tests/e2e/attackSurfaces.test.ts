import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_CHANNEL } from '../../src/core/messaging/workerMessages.ts';
import { startHostileListener, type HostileListener } from './support/hostileListener.ts';
import { EXTENSION_ORIGIN, pageSurfaces, spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog } from './support/storedValues.ts';

// Red-team round 4 (SECURITY.md): one browser with the built extension and an attacker's
// extension beside it. What the agent sees of digits a customer hides in other scripts and in
// bidirectional text; every other place a raw value could leak during a whole call and chat
// (console of every target, extension storage, web storage, IndexedDB, Cache Storage, cookies,
// every request); runtime messages from another extension and from a web page; hostile payloads
// to every worker request. Test card number and test SSN only.

const CARD = '4111 1111 1111 1111';
const SSN = '123-45-6789';
const CALLER = '+1 213-373-4253';
const EVIL = 'evil.example.net';
const inScript = (zero: number, text: string): string => [...text].map((c) => (c >= '0' && c <= '9' ? String.fromCodePoint(zero + Number(c)) : c)).join('');

/** What a customer writes: the test card in forms an agent reads as that card. */
const HIDDEN_CARDS: ReadonlyArray<{ form: string; text: string; contentType?: 'text/markdown' }> = [
  { form: 'Arabic-Indic digits', text: `بطاقتي ${inScript(0x0660, CARD)}` },
  { form: 'Devanagari digits', text: `card ${inScript(0x0966, CARD)}` },
  { form: 'groups an Arabic word reverses', text: 'رقم البطاقة 1111 1111 1111 4111 شكرا' },
  { form: 'groups reversed in Markdown', text: '**رقم** 1111 1111 1111 4111', contentType: 'text/markdown' },
  { form: 'a right-to-left override', text: 'card \u202e1111 1111 1111 1114\u202c ok' },
  { form: 'tabs', text: `card ${CARD.replace(/ /g, '\t')}` },
  { form: 'a combining mark on every digit', text: [...CARD.replace(/ /g, '')].map((digit) => `${digit}\u0332`).join('') },
  { form: 'zero-width spaces', text: CARD.replace(/ /g, '\u200b') },
];

/** The raw values of the whole call and chat, in every spelling an agent would recognise. */
const RAW = [...spellings(CARD), ...spellings(SSN), ...spellings(CALLER), '2133734253', '373-4253'];

/** A forged request on the worker channel for each request of the contract, each with raw values in it. */
const FORGED_REQUESTS: ReadonlyArray<{ request: string; payload: unknown }> = [
  {
    request: 'audit.record',
    payload: {
      type: 'masking.reveal',
      at: new Date().toISOString(),
      details: { contactId: CARD, attributeName: `card ${CARD}`, reason: `SSN ${SSN}`, kind: 'pan', kinds: ['pan'] },
    },
  },
  // An own `__proto__` key, as JSON.parse makes it (an object literal would set the prototype instead).
  {
    request: 'audit.record',
    payload: JSON.parse(`{"type":"policy.loaded","details":{"source":"organization","__proto__":{"polluted":"${CARD}"}}}`) as unknown,
  },
  { request: 'audit.record', payload: { type: 'masking.failed_closed', details: { attributeName: `x${'y'.repeat(1_000_000)} ${CARD}`, reason: 'too_long' } } },
  { request: 'origin.blockedReport', payload: { origin: `https://${EVIL}/pay?card=${CARD.replace(/ /g, '')}`, kind: 'frame-src', layer: 'csp' } },
  { request: 'origin.blockedReport', payload: { origin: `https://${CARD.replace(/ /g, '')}.${EVIL}`, kind: 'connect-src', layer: 'csp' } },
  { request: 'desk.signedIn', payload: { username: CARD, name: `SSN ${SSN}`, routingProfile: CALLER, permissions: [CARD] } },
  { request: 'risk.assessContact', payload: { contactId: CARD, channel: 'voice', caller: CARD } },
  { request: 'instance.choose', payload: { ccpUrl: `https://x.my.connect.aws/ccp-v2?card=${CARD.replace(/ /g, '')}` } },
  { request: 'contacts.liveReport', payload: { page: 'a'.repeat(64), live: Number.MAX_SAFE_INTEGER } },
  { request: 'policy.current', payload: { card: CARD } },
  { request: 'audit.recent', payload: [] },
  { request: 'no.such.request', payload: {} },
];

describe('attack: surfaces, storage, network and messaging in the real browser', () => {
  let session: ShieldSession;
  let listener: HostileListener;
  let page: Page;
  let attackerDir: string;
  const consoleLines: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    listener = await startHostileListener();
    attackerDir = mkdtempSync(join(tmpdir(), 'attacker-extension-'));
    writeFileSync(
      join(attackerDir, 'manifest.json'),
      JSON.stringify({ manifest_version: 3, name: 'Attacker', version: '1.0', background: { service_worker: 'worker.js' } }),
    );
    writeFileSync(join(attackerDir, 'worker.js'), 'self.attackerReady = true;\n');
    session = await startShieldSession({
      extraHostRules: [`MAP ${EVIL} 127.0.0.1:${listener.port}`],
      extraExtensionDirs: [attackerDir],
      withPolicy: { approvedOrigins: ['https://help.example.com'] },
    });
    const { context } = session.shield;
    const listen = (where: string) => (message: ConsoleMessage) => consoleLines.push(`${where}: ${message.text()}`);
    const watchWorker = (worker: Worker) => worker.on('console', listen(worker.url()));
    context.serviceWorkers().forEach(watchWorker);
    context.on('serviceworker', watchWorker);
    context.on('request', (request) => requests.push(`${request.method()} ${request.url()}\n${request.postData() ?? ''}`));
    page = await session.openDesk();
    page.on('console', listen('desk'));
    // What Chromium itself writes to the console (blocked requests, CSP refusals): URLs a path could carry.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Log.enable');
    cdp.on('Log.entryAdded', ({ entry }) => consoleLines.push(`browser: ${entry.text} ${entry.url ?? ''}`));
  });
  afterAll(async () => {
    await session?.close();
    await listener?.close();
    if (attackerDir) rmSync(attackerDir, { recursive: true, force: true });
  });

  const card = (contactId: string) => page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`);

  it('Chromium draws reversed groups and overrides as the card, and the desk shows none of the hidden cards', async () => {
    // The attack is real: left to right on screen, these stored texts read as the test card.
    const probe = await session.shield.context.newPage();
    await probe.setContent('<p id=a>رقم البطاقة 1111 1111 1111 4111 شكرا</p><p id=b>card \u202e1111 1111 1111 1114\u202c ok</p>');
    const drawnDigits = await probe.evaluate(() =>
      ['a', 'b'].map((id) => {
        const text = document.getElementById(id)?.firstChild;
        if (!(text instanceof Text)) return '';
        const digits: Array<{ digit: string; left: number }> = [];
        for (let i = 0; i < text.data.length; i++) {
          if (!/[0-9]/.test(text.data.charAt(i))) continue;
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          digits.push({ digit: text.data.charAt(i), left: range.getBoundingClientRect().left });
        }
        return digits
          .sort((a, b) => a.left - b.left)
          .map((d) => d.digit)
          .join('');
      }),
    );
    await probe.close();
    expect(drawnDigits).toEqual([CARD.replace(/ /g, ''), CARD.replace(/ /g, '')]);

    const { control } = session.emulator;
    const chat = await control.addContact({ type: 'chat', customerName: 'Mallory' });
    await card(chat).getByTestId('accept').click();
    await expect.poll(() => card(chat).getByTestId('chat').getAttribute('data-link')).toBe('connected');
    for (const { text, contentType } of HIDDEN_CARDS) await control.sendCustomerMessage(chat, { text, ...(contentType ? { contentType } : {}) });
    const shown = card(chat).locator('[data-testid=chat-message] .chat-text');
    await expect.poll(() => shown.count()).toBe(HIDDEN_CARDS.length);
    const texts = await shown.allTextContents();
    // Each message as the agent sees it: masked, at most the last four digits (of any script) left.
    expect(texts.map((text, i) => `${HIDDEN_CARDS[i]?.form ?? ''}: ${String((text.match(/\p{Nd}/gu) ?? []).length <= 4)}`)).toEqual(
      HIDDEN_CARDS.map(({ form }) => `${form}: true`),
    );
    for (const text of texts) expect(text).toContain('••••');
    await control.end(chat);
  });

  it('leaves no raw value in any console, storage, web storage, IndexedDB, cache, cookie or request after a whole call and chat', async () => {
    const { control } = session.emulator;
    const voice = await control.addContact({ type: 'voice', caller: CALLER, attributes: { card: CARD, note: `card ${CARD}, SSN ${SSN}` } });
    await card(voice).getByTestId('accept').click();
    await expect.poll(() => card(voice).getAttribute('data-phase')).toBe('connected');
    await control.end(voice);
    const chat = await control.addContact({ type: 'chat', customerName: `Mallory ${CARD}`, attributes: { ssn: SSN } });
    await card(chat).getByTestId('accept').click();
    await expect.poll(() => card(chat).getByTestId('chat').getAttribute('data-link')).toBe('connected');
    await control.sendCustomerMessage(chat, { text: `my card ${CARD} and SSN ${SSN}` });
    await control.sendCustomerMessage(chat, { text: `**card** ${CARD} [pay](https://${EVIL}/pay/${CARD.replace(/ /g, '')})`, contentType: 'text/markdown' });
    await control.sendCustomerAttachment(chat, { name: `card ${CARD}.pdf`, contentType: 'application/pdf', text: CARD });
    await expect.poll(() => card(chat).locator('[data-testid=chat-message]').count()).toBe(3);
    await control.end(chat);
    await expect.poll(() => card(chat).getByTestId('chat-ended').count()).toBe(1);

    // The listeners hear every target: a line written in the desk and in the worker arrives.
    await page.evaluate(() => console.info('attack-probe desk'));
    await (await session.shield.worker()).evaluate(() => console.info('attack-probe worker'));
    await expect
      .poll(() => ['desk', 'worker'].filter((target) => consoleLines.some((line) => line.includes(`attack-probe ${target}`))))
      .toEqual(['desk', 'worker']);

    const webStorage = await page.evaluate(async () => {
      const caches = await globalThis.caches.keys();
      return JSON.stringify({
        local: { ...localStorage },
        session: { ...sessionStorage },
        indexedDb: await indexedDB.databases(),
        caches,
        cookie: document.cookie,
        title: document.title,
      });
    });
    const surfaces = {
      console: consoleLines.join('\n'),
      requests: requests.join('\n'),
      extensionStorage: JSON.stringify(await session.shield.storageDump()),
      webStorage,
      desk: await pageSurfaces(page),
    };
    for (const [where, text] of Object.entries(surfaces)) {
      expect(RAW.filter((raw) => text.includes(raw) || text.includes(encodeURIComponent(raw))).map((raw) => `${where}: ${raw}`)).toEqual([]);
    }
    expect(listener.requests()).toEqual([]);
  });

  it("another extension's messages and connections reach nothing, and a web page cannot message, frame or open the extension", async () => {
    const { context } = session.shield;
    const attacker =
      context.serviceWorkers().find((worker) => !worker.url().startsWith(EXTENSION_ORIGIN)) ??
      (await context.waitForEvent('serviceworker', { predicate: (worker) => !worker.url().startsWith(EXTENSION_ORIGIN) }));
    const before = storedAuditLog(await session.shield.storageDump()).length;
    const outcome = await attacker.evaluate(
      async ([targetId, channel, forged]) => {
        const replies: string[] = [];
        for (const { request, payload } of forged) {
          try {
            // eslint-disable-next-line no-restricted-syntax -- the attack: raw runtime messaging, past callWorker
            replies.push(`${request}: answered ${JSON.stringify(await chrome.runtime.sendMessage(targetId, { channel, request, payload }))}`);
          } catch (error) {
            replies.push(`${request}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        // eslint-disable-next-line no-restricted-syntax -- the attack: raw runtime messaging, past callWorker
        const port = chrome.runtime.connect(targetId, { name: channel });
        const connection = await new Promise<string>((resolve) => {
          port.onDisconnect.addListener(() => resolve('disconnected'));
          port.onMessage.addListener(() => resolve('answered'));
          port.postMessage({ channel, request: 'policy.current', payload: {} });
        });
        return { replies, connection };
      },
      [session.shield.extensionId, WORKER_CHANNEL, FORGED_REQUESTS.slice(0, 4)] as const,
    );
    expect(outcome.connection).toBe('disconnected');
    for (const reply of outcome.replies) expect(reply).toMatch(/: Could not establish connection\. Receiving end does not exist\.$/);
    expect(storedAuditLog(await session.shield.storageDump())).toHaveLength(before);

    const web = await context.newPage();
    await web.goto(`http://${EVIL}/`);
    const fromWeb = await web.evaluate(async (shellUrl) => {
      // eslint-disable-next-line no-restricted-syntax -- the attack: raw runtime messaging, past callWorker
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage;
      const fetched = await fetch(shellUrl).then(
        () => 'read',
        () => 'refused',
      );
      return { runtime: typeof runtime, fetched };
    }, `${EXTENSION_ORIGIN}/src/shell/shell.html`);
    expect(fromWeb).toEqual({ runtime: 'undefined', fetched: 'refused' });
    // A frame and a window of the shell opened by the page load nothing of it.
    await web.setContent(`<iframe src="${EXTENSION_ORIGIN}/src/shell/shell.html"></iframe>`);
    const framed = web.frames().find((frame) => frame !== web.mainFrame());
    expect(await framed?.evaluate(() => document.querySelector('[data-testid=agent-name]') !== null).catch(() => false)).not.toBe(true);
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      web.evaluate((url) => void window.open(url), `${EXTENSION_ORIGIN}/src/shell/shell.html`),
    ]);
    await opened.waitForLoadState();
    expect(await opened.evaluate(() => document.querySelector('[data-testid=agent-name]') !== null).catch(() => false)).toBe(false);
    await opened.close();
    await web.close();
  });

  it("refuses or sanitizes hostile payloads to every worker request from the extension's own page, and stores no raw value", async () => {
    const replies = await page.evaluate(
      async ([channel, forged]) => {
        const answers: string[] = [];
        for (const { request, payload } of forged) {
          // eslint-disable-next-line no-restricted-syntax -- the attack: raw runtime messaging, past callWorker
          const reply: unknown = await chrome.runtime.sendMessage({ channel, request, payload });
          const refusal = typeof reply === 'object' && reply !== null ? (reply as { refusal?: unknown }).refusal : undefined;
          answers.push(`${request}: ${typeof refusal === 'string' ? refusal : 'ok'}`);
        }
        return answers;
      },
      [WORKER_CHANNEL, FORGED_REQUESTS] as const,
    );
    expect(replies).toContain('no.such.request: unknown-request');
    expect(replies).toContain('policy.current: invalid-payload');
    expect(replies).toContain('contacts.liveReport: invalid-payload');
    // The worker still answers afterwards.
    // eslint-disable-next-line no-restricted-syntax -- the attack: raw runtime messaging, past callWorker
    const alive = await page.evaluate((channel) => chrome.runtime.sendMessage({ channel, request: 'policy.current', payload: {} }), WORKER_CHANNEL);
    expect(alive).toMatchObject({ ok: true });
    const stored = JSON.stringify(await session.shield.storageDump());
    expect(RAW.filter((raw) => stored.includes(raw))).toEqual([]);
    expect(stored).not.toContain('polluted');
    expect(stored).not.toContain('y'.repeat(10_000));
    expect(stored).not.toContain('/pay?card');
  });
});

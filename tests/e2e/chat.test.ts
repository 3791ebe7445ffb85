import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageSurfaces, spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog } from './support/storedValues.ts';

const CARD = '4111 1111 1111 1111';
const HELP = 'https://help.example.com';

describe('chat in the contact card', () => {
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    session = await startShieldSession({ withPolicy: { approvedOrigins: [HELP], chat: { agentAttachments: true } } });
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await page?.close();
    await session.emulator.control.reset();
  });

  const card = (contactId: string) => page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`);
  const threadOf = (contactId: string) => card(contactId).getByTestId('chat');
  const messages = (thread: Locator) => thread.locator('[data-testid=chat-message]');
  const agentMessagesSent = async () => (await session.emulator.control.log()).agentMessages.map((message) => message.content);
  /** The stored sensitive-authentication incidents of one chat, as [source, kind]. */
  const incidents = async (contactId: string) =>
    storedAuditLog(await session.shield.storageDump())
      .filter((event) => event.type === 'masking.sensitive_auth_data' && event.details.contactId === contactId)
      .map((event) => [event.details.source, event.details.kind]);

  /** A connected chat, accepted from its card. */
  async function connectedChat(customerName = 'Hanako'): Promise<string> {
    const { control } = session.emulator;
    const contactId = await control.addContact({ type: 'chat', customerName });
    await card(contactId).getByTestId('accept').click();
    await expect.poll(() => card(contactId).getAttribute('data-phase')).toBe('connected');
    await expect.poll(() => threadOf(contactId).getAttribute('data-link')).toBe('connected');
    return contactId;
  }

  it('shows the transcript on open, masked, with Markdown rendered and interactive messages as text', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const chat = await connectedChat();
    await control.sendCustomerMessage(chat, { text: 'hello' });
    await messages(threadOf(chat)).first().waitFor();
    await page.close();

    // Said while no desk was open: the next desk reads it from the transcript.
    await control.sendCustomerMessage(chat, {
      contentType: 'text/markdown',
      text: `**Refund** for _order 123_, card **${CARD}**\n\n- one\n- [help page](${HELP}/refunds)\n- [elsewhere](https://evil.example.net/x)`,
    });
    await control.sendCustomerMessage(chat, {
      contentType: 'application/vnd.amazonaws.connect.message.interactive',
      content: {
        templateType: 'ListPicker',
        version: '1.0',
        data: { content: { title: 'Pick a card', elements: [{ title: `Card ${CARD}` }, { title: 'New card' }] } },
      },
    });
    page = await session.openDesk();
    const thread = threadOf(chat);
    await expect.poll(() => messages(thread).count()).toBe(3);
    const markdown = thread.locator('[data-kind=markdown]');
    expect(await markdown.locator('strong').first().textContent()).toBe('Refund');
    expect(await markdown.locator('em').textContent()).toBe('order 123');
    expect(await markdown.locator('li').count()).toBe(3);
    const text = (await markdown.textContent()) ?? '';
    expect(text).not.toContain('**');
    expect(text).not.toContain('_order');
    expect(text).toContain('•••• 1111');
    expect(await markdown.getByTestId('approved-link').getAttribute('href')).toBe(`${HELP}/refunds`);
    expect(await markdown.getByTestId('blocked-link').count()).toBe(1);
    expect(await markdown.locator('a').count()).toBe(1);
    // The blocked Markdown link is audited by its origin only (the path can carry customer data).
    await expect
      .poll(async () =>
        storedAuditLog(await session.shield.storageDump())
          .filter((event) => event.type === 'origin.blocked' && event.details.kind === 'chat_markdown_link')
          .map((event) => event.details),
      )
      .toEqual([{ origin: 'https://evil.example.net', kind: 'chat_markdown_link', layer: 'link' }]);
    const interactive = thread.getByTestId('chat-interactive');
    expect(await interactive.textContent()).toContain('Pick a card');
    expect(await interactive.locator('li').allTextContents()).toEqual(['Card •••• 1111', 'New card']);
    const surfaces = await pageSurfaces(page);
    for (const raw of spellings(CARD)) expect(surfaces).not.toContain(raw);
  });

  it('sends replies to the participant service; a reply with a card number is held back (warn), and blocked when the policy says so', async () => {
    page = await session.openDesk();
    const chat = await connectedChat();
    const thread = threadOf(chat);
    await thread.getByTestId('chat-input').fill('Thank you, one moment please.');
    await thread.getByTestId('chat-input').press('Enter');
    await expect.poll(agentMessagesSent).toEqual(['Thank you, one moment please.']);
    await thread.locator('[data-testid=chat-message][data-role=agent]').waitFor();
    expect(await thread.getByTestId('chat-input').inputValue()).toBe('');

    await thread.getByTestId('chat-input').fill(`Is your card ${CARD}?`);
    await thread.getByTestId('chat-send').click();
    const check = thread.getByTestId('chat-reply-check');
    expect(await check.getAttribute('data-outcome')).toBe('warn');
    expect(await check.textContent()).toContain('card number');
    expect(await thread.getByTestId('chat-input').inputValue()).toBe(`Is your card ${CARD}?`);
    expect(await agentMessagesSent()).toEqual(['Thank you, one moment please.']);

    // A security code read back is held too, and is this chat's contact's incident.
    await thread.getByTestId('chat-input').fill('So your CVV is 737?');
    await thread.getByTestId('chat-send').click();
    await expect.poll(() => thread.getByTestId('chat-reply-check').textContent()).toContain('security code, PIN or password');
    expect(await agentMessagesSent()).toEqual(['Thank you, one moment please.']);
    await expect.poll(() => incidents(chat)).toEqual([['chat', 'securityCode']]);

    await session.shield.setLocalPolicy({
      instance: { ccpUrl: session.emulator.ccpUrl, region: session.emulator.region },
      approvedOrigins: [HELP],
      chat: { replyCheck: 'block', agentAttachments: true },
    });
    await page.close();
    page = await session.openDesk();
    const again = threadOf(chat);
    await again.getByTestId('chat-input').fill(`マイナンバーは 123456789018 ですね`);
    await again.getByTestId('chat-send').click();
    expect(await again.getByTestId('chat-reply-check').getAttribute('data-outcome')).toBe('block');
    expect(await again.getByTestId('chat-send-anyway').count()).toBe(0);
    expect(await agentMessagesSent()).toEqual(['Thank you, one moment please.']);
    await session.shield.setLocalPolicy({
      instance: { ccpUrl: session.emulator.ccpUrl, region: session.emulator.region },
      approvedOrigins: [HELP],
      chat: { agentAttachments: true },
    });
  });

  it('shows an attachment by masked name, type and size, and opens it only through the flow from an approved host', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const chat = await connectedChat();
    await control.sendCustomerAttachment(chat, { name: `statement ${CARD}.pdf`, contentType: 'application/pdf', text: '%PDF-1.4 test' });
    const attachment = threadOf(chat).getByTestId('chat-attachment');
    await attachment.waitFor();
    expect(await attachment.getByTestId('chat-attachment-name').textContent()).toBe('statement •••• 1111.pdf');
    expect(await attachment.textContent()).toContain('application/pdf');
    // Nothing is fetched before the agent asks, and nothing is shown inline.
    expect((await control.log()).attachmentRequests).toEqual([]);
    expect(await threadOf(chat).locator('img, iframe, embed, object').count()).toBe(0);

    await attachment.getByTestId('chat-attachment-open').click();
    await attachment.getByTestId('chat-attachment-problem').waitFor();
    expect(await attachment.getByTestId('chat-attachment-problem').textContent()).toContain('not approved');
    expect((await control.log()).participantCalls.map((call) => call.path)).toContain('/participant/attachment');
    expect((await control.log()).attachmentRequests).toEqual([]);

    await session.shield.setLocalPolicy({
      instance: { ccpUrl: session.emulator.ccpUrl, region: session.emulator.region },
      approvedOrigins: [HELP, `https://${session.emulator.attachmentHost}`],
      chat: { agentAttachments: true },
    });
    await page.close();
    page = await session.openDesk();
    const approvedAttachment = threadOf(chat).getByTestId('chat-attachment');
    const download = page.waitForEvent('download');
    await approvedAttachment.getByTestId('chat-attachment-open').click();
    expect((await download).suggestedFilename()).toBe('statement •••• 1111.pdf');
    expect((await control.log()).attachmentRequests.map((request) => [request.method, request.path.split('/')[1]])).toEqual([['GET', 'download']]);

    // The agent sends a file: StartAttachmentUpload, the PUT, CompleteAttachmentUpload.
    await threadOf(chat)
      .getByTestId('chat-file')
      .setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('receipt') });
    await threadOf(chat).locator('[data-testid=chat-message][data-role=agent][data-kind=attachment]').waitFor();
    expect((await control.log()).participantCalls.map((call) => call.path)).toEqual(
      expect.arrayContaining(['/participant/start-attachment-upload', '/participant/complete-attachment-upload']),
    );
    await threadOf(chat)
      .getByTestId('chat-file')
      .setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<b>x</b>') });
    expect(await threadOf(chat).getByTestId('chat-attachment-refused').textContent()).toContain('does not accept');
    await session.shield.setLocalPolicy({
      instance: { ccpUrl: session.emulator.ccpUrl, region: session.emulator.region },
      approvedOrigins: [HELP],
      chat: { agentAttachments: true },
    });
  });

  it('keeps what the agent typed through a failed send, an expired session and a dropped connection; the reconnect adds nothing twice', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const chat = await connectedChat();
    const thread = threadOf(chat);
    const input = thread.getByTestId('chat-input');

    // The AWS SDK in chatjs retries server errors: keep failing until the agent sees the failure.
    await control.failChatSends(10, 'server');
    await input.fill('first try');
    await thread.getByTestId('chat-send').click();
    await thread.getByTestId('chat-send-failed').waitFor();
    expect(await thread.getByTestId('chat-send-failed').getAttribute('data-problem')).toBe('failed');
    expect(await input.inputValue()).toBe('first try');
    expect(await agentMessagesSent()).toEqual([]);
    await control.failChatSends(0);
    // The first request after the injected 500s can die on the reused connection ("Failed to
    // fetch", shown as not connected); the agent simply sends again, as they would.
    await expect
      .poll(async () => {
        if ((await thread.getByTestId('chat-resend').count()) > 0) await thread.getByTestId('chat-resend').click();
        return agentMessagesSent();
      })
      .toEqual(['first try']);
    await expect.poll(() => input.inputValue()).toBe('');

    await control.sendCustomerMessage(chat, { text: 'before the drop' });
    await expect.poll(() => messages(thread).count()).toBe(2);
    await control.setChatWebsocket(false);
    await thread.getByTestId('chat-link-lost').waitFor();
    await input.fill('typed while offline');
    expect(await thread.getByTestId('chat-send').isDisabled()).toBe(true);
    await control.sendCustomerMessage(chat, { text: 'said while the agent was offline' });
    await control.setChatWebsocket(true);
    await thread.getByTestId('chat-link-lost').waitFor({ state: 'detached' });
    await expect
      .poll(() => messages(thread).allTextContents())
      .toEqual([expect.stringContaining('first try'), expect.stringContaining('before the drop'), expect.stringContaining('said while the agent was offline')]);
    expect(await input.inputValue()).toBe('typed while offline');
    await thread.getByTestId('chat-send').click();
    await expect.poll(agentMessagesSent).toEqual(['first try', 'typed while offline']);

    await control.failChatSends(1, 'expired');
    await input.fill('after expiry');
    await thread.getByTestId('chat-send').click();
    await thread.getByTestId('chat-link-expired').waitFor();
    expect(await input.inputValue()).toBe('after expiry');
  });

  it('follows the newest message unless the agent scrolled up, then offers "new messages"; counts unread per chat', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const first = await connectedChat('Aiko');
    const second = await connectedChat('Ben');
    for (let i = 1; i <= 25; i++) await control.sendCustomerMessage(first, { text: `message ${i}` });
    const list = threadOf(first).getByTestId('chat-messages');
    await expect.poll(() => messages(threadOf(first)).count()).toBe(25);
    const atBottom = () => list.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight <= 24);
    await expect.poll(atBottom).toBe(true);
    await threadOf(first).getByTestId('chat-input').fill('my own reply');
    await threadOf(first).getByTestId('chat-input').press('Enter');
    await threadOf(first).locator('[data-testid=chat-message][data-role=agent]').waitFor();
    await expect.poll(atBottom).toBe(true);
    expect(await threadOf(first).getByTestId('chat-new-messages').count()).toBe(0);

    await list.evaluate((element) => {
      element.scrollTop = 0;
    });
    await threadOf(first).getByTestId('chat-new-messages').waitFor();
    await control.sendCustomerMessage(first, { text: 'while scrolled up' });
    await control.sendCustomerMessage(first, { text: 'and another' });
    await expect.poll(() => threadOf(first).getByTestId('chat-unread').textContent()).toBe('2');
    expect(await atBottom()).toBe(false);
    // The other chat, side by side, is untouched.
    expect(await threadOf(second).getByTestId('chat-unread').count()).toBe(0);
    await threadOf(first).getByTestId('chat-new-messages').click();
    await expect.poll(atBottom).toBe(true);
    await threadOf(first).getByTestId('chat-unread').waitFor({ state: 'detached' });
  });

  it('shows typing both ways, participant events and the chat ending', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const chat = await connectedChat('Chloe');
    const thread = threadOf(chat);
    await control.customerTyping(chat);
    await thread.getByTestId('chat-typing').waitFor();
    await thread.getByTestId('chat-input').pressSequentially('typing fast', { delay: 5 });
    const typingEvents = async () =>
      (await control.log()).participantCalls.filter((call) => call.path === '/participant/event' && JSON.stringify(call.body).includes('event.typing')).length;
    await expect.poll(typingEvents).toBe(1);
    await control.participantEvent(chat, { event: 'joined', role: 'agent', displayName: 'Supervisor Sato' });
    await control.customerLeaves(chat);
    await thread.getByTestId('chat-ended').waitFor();
    const events = await thread.getByTestId('chat-event').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-event')));
    expect(events).toEqual(['joined', 'left', 'ended']);
    expect(await thread.getByTestId('chat-event').nth(1).textContent()).toContain('Chloe');
    expect(await thread.getByTestId('chat-compose').count()).toBe(0);
    expect(await typingEvents()).toBe(1);
  });

  it('masks a card number the customer splits over two messages in both, live and when the transcript is read again', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const chat = await connectedChat('Ken');
    const thread = threadOf(chat);
    await control.sendCustomerMessage(chat, { text: 'my card is 4111 1111' });
    await expect.poll(() => messages(thread).count()).toBe(1);
    await control.sendCustomerMessage(chat, { text: '1111 1111' });
    await expect.poll(() => messages(thread).count()).toBe(2);
    // The first message is shown before the second arrives; the second makes the desk mask it again.
    await expect.poll(() => messages(thread).first().textContent()).not.toContain('4111');
    const live = await messages(thread).allTextContents();
    expect(live.join('\n')).not.toMatch(/\d{4} \d{4}/);
    expect(live[1]).toContain('•••• 1111');
    for (const raw of [...spellings(CARD), '4111 1111', '41111111']) expect(await pageSurfaces(page)).not.toContain(raw);

    await page.close();
    page = await session.openDesk();
    const reread = threadOf(chat);
    await expect.poll(() => messages(reread).count()).toBe(2);
    const again = await messages(reread).allTextContents();
    expect(again.join('\n')).not.toMatch(/\d{4} \d{4}/);
    for (const raw of [...spellings(CARD), '4111 1111', '41111111']) expect(await pageSurfaces(page)).not.toContain(raw);
  });
  it.each([
    ['as the messages after the card', 'Mei', [`my card is ${CARD}`, '08/29', '737'], ['my card is •••• 1111', '••••••••', '••••••••']],
    [
      'after a card message that goes on in words (Japanese)',
      'Yui',
      [`カード番号は${CARD}です`, '有効期限は08/29です', '737'],
      ['カード番号は•••• 1111です', '有効期限は••••••••です', '••••••••'],
    ],
  ])('hides the expiry and the security code a customer sends %s, and audits the code as an incident', async (_case, customer, texts, shown) => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const chat = await connectedChat(customer);
    const thread = threadOf(chat);
    for (const [n, text] of texts.entries()) {
      await control.sendCustomerMessage(chat, { text });
      await expect.poll(() => messages(thread).count()).toBe(n + 1);
    }
    await expect.poll(() => messages(thread).allTextContents()).toEqual(shown.map((display): unknown => expect.stringContaining(display)));
    const surfaces = await pageSurfaces(page);
    for (const raw of spellings(CARD)) expect(surfaces).not.toContain(raw);
    // The expiry and code as numbers of their own (a key or id in an attribute may hold the digits by chance, as storage's timestamps do below).
    const standing = (raw: string): RegExp => new RegExp(`(?<![0-9])${raw}(?![0-9])`);
    for (const raw of ['08/29', '737']) expect(surfaces).not.toMatch(standing(raw));
    await expect.poll(() => incidents(chat)).toEqual([['chat', 'securityCode']]);
    const dump = JSON.stringify(await session.shield.storageDump());
    // As a number of its own: storage holds epoch milliseconds, and one of them ("1796596117371")
    // held 737 by chance and failed a clean-clone run.
    for (const raw of ['08/29', '737']) expect(dump).not.toMatch(standing(raw));
  });
  it('masks a card number broken over paragraphs or list items of one message, Markdown or plain', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const chat = await connectedChat('Rin');
    const thread = threadOf(chat);
    await control.sendCustomerMessage(chat, { contentType: 'text/markdown', text: 'my card is **4111 1111**\n\n1111 1111\n\n- 5555 5555\n- 5555 4444' });
    await control.sendCustomerMessage(chat, { text: 'again: 4111 1111\n\n1111 1111' });
    await expect.poll(() => messages(thread).count()).toBe(2);
    const shown = (await messages(thread).allTextContents()).join('\n');
    expect(shown).not.toMatch(/4111|5555|1111 1111/);
    expect(shown).toContain('•••• 4444');
    const surfaces = await pageSurfaces(page);
    for (const raw of ['4111 1111', '1111 1111', '5555 5555', '5555 4444']) expect(surfaces).not.toContain(raw);
  });
  it('hides a message too long to scan and audits it as masking.failed_closed, without its text', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const chat = await connectedChat('Aiko');
    const thread = threadOf(chat);
    // 35 000 characters: more than the engine scans (32 768), so the message fails closed.
    await control.sendCustomerMessage(chat, { text: `card ${CARD} `.repeat(1_400) });
    await expect.poll(() => messages(thread).count()).toBe(1);
    expect(await messages(thread).first().textContent()).not.toContain('1111');
    await expect
      .poll(async () =>
        storedAuditLog(await session.shield.storageDump())
          .filter((event) => event.type === 'masking.failed_closed')
          .map((event) => event.details),
      )
      .toEqual([{ attributeName: 'chat', reason: 'too_long', contactId: chat }]);
    const dump = JSON.stringify(await session.shield.storageDump());
    for (const raw of spellings(CARD)) {
      expect(dump).not.toContain(raw);
      expect(await pageSurfaces(page)).not.toContain(raw);
    }
  });
});

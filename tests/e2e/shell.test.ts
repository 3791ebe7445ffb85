import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageSurfaces, spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';

const CARD = '4111 1111 1111 1111';
const SSN = '123-45-6789';
const EMAIL = 'taro.yamada@example.jp';
const CALLER = '+81 90 1234 5678';

describe('the shell against the CCP emulator', () => {
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    session = await startShieldSession();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await page?.close();
    await session.emulator.control.reset();
  });

  const card = (contactId: string) => page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`);

  it('embeds the CCP of the configured instance and shows the signed-in agent', async () => {
    page = await session.openDesk();
    const frame = page.locator('[data-testid=ccp-container] iframe');
    await expect.poll(() => frame.getAttribute('src')).toBe(session.emulator.ccpUrl);
    const agent = (await session.emulator.control.state()).agent;
    await expect.poll(() => page.getByTestId('agent-name').textContent()).toBe(agent.name);
    await page.getByTestId('no-contacts').waitFor();
    expect(await page.getByTestId('ccp-status').count()).toBe(0);
  });

  it('shows an incoming call with sensitive attributes and the caller masked, the rest readable', async () => {
    page = await session.openDesk();
    const ciphertext = `AYADe${'q83vEjRWeJASNFZ4kBI0Vn'.repeat(8)}==`;
    const contactId = await session.emulator.control.addContact({
      type: 'voice',
      caller: CALLER,
      queue: 'Payments',
      attributes: { cardNumber: CARD, ssn: SSN, email: EMAIL, note: `card ${CARD} exp 12/29`, secureCard: ciphertext, orderId: 'ORD-2024-000123' },
    });
    await card(contactId).waitFor();
    expect(await card(contactId).getAttribute('data-phase')).toBe('connecting');
    const rows = await card(contactId)
      .locator('[data-testid=attribute]')
      .evaluateAll((elements) => elements.map((row) => [row.getAttribute('data-name'), row.querySelector('[data-testid=attribute-value]')?.textContent]));
    expect(rows.map(([name]) => name)).toEqual(['cardNumber', 'ssn', 'email', 'note', 'secureCard', 'orderId']);
    const shown = Object.fromEntries(rows);
    expect(shown.cardNumber).toBe('•••• 1111');
    // The expiry written beside the card is card data too: hidden, the words around it kept.
    expect(shown.note).toBe('card •••• 1111 exp ••••••••');
    expect(shown.orderId).toBe('ORD-2024-000123');
    const surfaces = await pageSurfaces(page);
    for (const raw of [CARD, SSN, EMAIL, CALLER, ciphertext, ciphertext.slice(5, 40)].flatMap(spellings)) expect(surfaces).not.toContain(raw);
    expect(await card(contactId).textContent()).toContain('Payments');
  });

  it('says plainly that Amazon Connect withholds attributes while a supervisor monitors', async () => {
    page = await session.openDesk();
    const contactId = await session.emulator.control.addContact({ type: 'voice', caller: CALLER, attributes: { cardNumber: CARD }, monitoring: true });
    await card(contactId).getByTestId('attributes-unavailable').waitFor();
    expect(await card(contactId).getByTestId('attributes-unavailable').textContent()).toContain('does not share');
    expect(await card(contactId).locator('[data-testid=attribute]').count()).toBe(0);
  });

  it('takes a call through accept, connected, hang-up, after-contact work and close', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const contactId = await control.addContact({ type: 'voice', caller: CALLER });
    await card(contactId).getByTestId('accept').click();
    await expect.poll(() => card(contactId).getAttribute('data-phase')).toBe('connected');
    expect((await control.contact(contactId))?.state).toBe('connected');

    await card(contactId).getByTestId('hang-up').click();
    await expect.poll(() => card(contactId).getAttribute('data-phase')).toBe('after_contact_work');
    expect((await control.contact(contactId))?.state).toBe('ended');

    await card(contactId).getByTestId('clear').click();
    await card(contactId).waitFor({ state: 'detached' });
    expect(await control.contact(contactId)).toBeUndefined();
  });

  it('shows a missed call as missed and a customer hang-up as after-contact work', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const missed = await control.addContact({ type: 'voice', caller: CALLER });
    await card(missed).waitFor();
    await control.setContactState(missed, 'missed');
    await expect.poll(() => card(missed).getAttribute('data-phase')).toBe('missed');
    // Streams drops a missed contact at once; the desk keeps it until the agent closes it.
    await expect.poll(async () => (await control.state()).contacts.length).toBe(0);
    expect(await card(missed).getAttribute('data-phase')).toBe('missed');
    await card(missed).getByTestId('clear').click();
    await card(missed).waitFor({ state: 'detached' });

    const answered = await control.addContact({ type: 'voice', caller: CALLER });
    await control.accept(answered);
    await expect.poll(() => card(answered).getAttribute('data-phase')).toBe('connected');
    await control.end(answered);
    await expect.poll(() => card(answered).getAttribute('data-phase')).toBe('after_contact_work');
  });

  it('handles a chat alongside a call: customer messages arrive masked, the agent replies', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const call = await control.addContact({ type: 'voice', caller: CALLER });
    await card(call).getByTestId('accept').click();
    const chat = await control.addContact({ type: 'chat', customerName: 'Hanako', attributes: { topic: 'refund' } });
    await card(chat).getByTestId('accept').click();
    await expect.poll(() => card(chat).getAttribute('data-phase')).toBe('connected');
    expect(await card(call).getAttribute('data-phase')).toBe('connected');

    await control.sendCustomerMessage(chat, { text: `my card is ${CARD}` });
    const thread = page.locator(`[data-testid=chat][data-contact-id="${chat}"]`);
    await thread.locator('[data-testid=chat-message][data-role=customer]').waitFor();
    expect(await pageSurfaces(page)).not.toContain(CARD);

    await thread.getByTestId('chat-input').fill('Thank you, one moment please.');
    await thread.getByTestId('chat-send').click();
    await expect
      .poll(async () => (await control.log()).agentMessages.map((message) => [message.contactId, message.content]))
      .toContainEqual([chat, 'Thank you, one moment please.']);
    await thread.locator('[data-testid=chat-message][data-role=agent]').waitFor();

    // A panel opened mid-chat shows the conversation so far (masked), not just what comes next.
    const panel = await session.shield.open('src/shell/sidepanel.html');
    try {
      const history = panel.locator(`[data-testid=chat][data-contact-id="${chat}"] [data-testid=chat-message]`);
      await expect
        .poll(() => history.evaluateAll((items) => items.map((item) => item.getAttribute('data-role'))), { timeout: 15_000 })
        .toEqual(['customer', 'agent']);
      expect(await pageSurfaces(panel)).not.toContain(CARD);
    } finally {
      await panel.close();
    }
  });

  it('changes the agent state from the shell', async () => {
    page = await session.openDesk();
    await page.getByTestId('agent-state').selectOption('Lunch');
    await expect.poll(async () => (await session.emulator.control.state()).agent.state).toBe('Lunch');
    // The selector follows Streams' snapshot; choosing again before it arrives would change nothing.
    await expect.poll(() => page.getByTestId('agent-state').inputValue()).toBe('Lunch');
    await page.getByTestId('agent-state').selectOption('Available');
    await expect.poll(async () => (await session.emulator.control.state()).agent.state).toBe('Available');
    // Connect has the new state; the shell shows it once Streams' next snapshot reaches the page.
    await expect.poll(() => page.getByTestId('agent-state').inputValue()).toBe('Available');
  });

  it('says plainly when Amazon Connect stops answering, and recovers when it answers again', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    await control.setUnresponsive(true);
    const status = page.getByTestId('ccp-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('unreachable');
    expect(await status.textContent()).toContain('Cannot reach Amazon Connect');

    await control.setUnresponsive(false);
    await status.waitFor({ state: 'detached', timeout: 30_000 });
    const contactId = await control.addContact({ type: 'voice', caller: CALLER });
    await card(contactId).waitFor();
  });
});

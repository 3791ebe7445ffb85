import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageSurfaces, spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';

const CALLER = '+81 3 1234 5678';
const CALLER_E164 = '+81312345678';

/** Every call control goes through Streams to the emulator; these tests read its request log. */
describe('call controls in the shell', () => {
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    // The policy's dialing rules: Japanese numbers without +, only Japan and the US.
    session = await startShieldSession({ withPolicy: { dialing: { defaultCountry: 'JP', allowedCountries: ['JP', 'US'] } } });
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await page?.close();
    await session.emulator.control.reset();
  });

  const card = (contactId: string) => page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`);
  const requests = async (method: string) => (await session.emulator.control.log()).apiRequests.filter((request) => request.method === method);
  const connectedCall = async (): Promise<string> => {
    const contactId = await session.emulator.control.addContact({ type: 'voice', caller: CALLER, queue: 'Payments' });
    await card(contactId).getByTestId('accept').click();
    await expect.poll(() => card(contactId).getAttribute('data-phase')).toBe('connected');
    return contactId;
  };

  it('rejects a ringing call', async () => {
    page = await session.openDesk();
    const contactId = await session.emulator.control.addContact({ type: 'voice', caller: CALLER });
    await card(contactId).getByTestId('reject').click();
    await expect.poll(async () => (await requests('rejectContact')).map((request) => request.params)).toEqual([{ contactId }]);
  });

  it('holds and resumes: the card says "On hold" with a hold timer, then connected again', async () => {
    page = await session.openDesk();
    const contactId = await connectedCall();
    await card(contactId).getByTestId('hold').click();
    await expect.poll(() => card(contactId).getAttribute('data-phase')).toBe('on_hold');
    expect(await card(contactId).getByTestId('contact-phase').textContent()).toBe('On hold');
    expect(await card(contactId).getByTestId('contact-timer').getAttribute('data-kind')).toBe('hold');
    expect((await requests('holdConnection')).length).toBe(1);
    expect((await session.emulator.control.contact(contactId))?.customerConnection.state).toBe('hold');

    await card(contactId).getByTestId('resume').click();
    await expect.poll(() => card(contactId).getAttribute('data-phase')).toBe('connected');
    expect(await card(contactId).getByTestId('contact-timer').getAttribute('data-kind')).toBe('contact');
    expect((await requests('resumeConnection')).length).toBe(1);
  });

  it('mutes and unmutes with an indicator, and sends keypad digits as DTMF', async () => {
    page = await session.openDesk();
    const contactId = await connectedCall();
    await card(contactId).getByTestId('mute').click();
    await page.getByTestId('agent-muted').waitFor();
    expect((await session.emulator.control.state()).agent.muted).toBe(true);
    await card(contactId).getByTestId('unmute').click();
    await page.getByTestId('agent-muted').waitFor({ state: 'detached' });
    expect((await session.emulator.control.state()).agent.muted).toBe(false);

    await card(contactId).getByTestId('keypad').click();
    for (const key of ['1', '2', '#']) await card(contactId).getByTestId(`key-${key}`).click();
    await expect.poll(async () => (await requests('sendDigits')).map((request) => (request.params as { digits: string }).digits)).toEqual(['1', '2', '#']);
  });

  it('conferences a quick connect in: hold all, swap, join, then leaves the call to the others', async () => {
    page = await session.openDesk();
    const { control } = session.emulator;
    const contactId = await connectedCall();
    await card(contactId).getByTestId('addParty').click();
    await card(contactId).getByTestId('quick-connect-search').fill('help');
    await expect
      .poll(() =>
        card(contactId)
          .getByTestId('quick-connect')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-name'))),
      )
      .toEqual(['IT helpdesk']);
    await card(contactId).getByTestId('quick-connect').click();
    await expect.poll(async () => (await requests('createAdditionalConnection')).length).toBe(1);
    // The helpdesk picks up (the emulator's control API plays the third party).
    await control.thirdPartyAnswers(contactId);
    const parties = card(contactId).getByTestId('party');
    await expect
      .poll(() => parties.evaluateAll((items) => items.map((item) => [item.getAttribute('data-role'), item.getAttribute('data-state')])))
      .toEqual([
        ['customer', 'hold'],
        ['third_party', 'connected'],
      ]);
    expect(await parties.nth(1).textContent()).toContain('IT helpdesk');

    await card(contactId).getByTestId('swap').click();
    await expect.poll(() => parties.evaluateAll((items) => items.map((item) => item.getAttribute('data-state')))).toEqual(['connected', 'hold']);
    await card(contactId).getByTestId('join').click();
    await expect.poll(() => parties.evaluateAll((items) => items.map((item) => item.getAttribute('data-state')))).toEqual(['connected', 'connected']);
    await card(contactId).getByTestId('holdAll').click();
    await expect.poll(() => card(contactId).getAttribute('data-phase')).toBe('on_hold');
    await card(contactId).getByTestId('join').click();
    await expect.poll(() => card(contactId).getAttribute('data-phase')).toBe('connected');
    expect((await requests('toggleActiveConnections')).length).toBe(1);
    expect((await requests('conferenceConnections')).length).toBe(2);

    await card(contactId).getByTestId('leave').click();
    await expect.poll(() => card(contactId).getAttribute('data-phase')).toBe('after_contact_work');
    // The customer and the helpdesk stay on the line without the agent.
    const after = await control.contact(contactId);
    expect([after?.customerConnection.state, after?.thirdParties.map((party) => party.state)]).toEqual(['connected', ['connected']]);
    expect(await card(contactId).getByTestId('contact-timer').getAttribute('data-kind')).toBe('after_contact_work');
    expect(await pageSurfaces(page)).not.toContain(CALLER_E164);
  });

  it('transfers to a typed number only after the dialing policy accepts it; a third party leaving drops off the card', async () => {
    page = await session.openDesk();
    const contactId = await connectedCall();
    await card(contactId).getByTestId('addParty').click();
    const form = card(contactId).getByTestId('transfer-number');
    await form.getByTestId('transfer-number-input').fill('+44 20 7946 0958');
    await form.getByTestId('transfer-number-check').click();
    expect(await form.getByTestId('transfer-number-refused').getAttribute('data-reason')).toBe('country_not_allowed');
    await form.getByTestId('transfer-number-input').fill('090-1234-5678');
    await form.getByTestId('transfer-number-check').click();
    expect(await form.getByTestId('transfer-number-confirm').textContent()).toContain('+81 90 1234 5678');
    await form.getByTestId('transfer-number-confirm').click();
    await expect
      .poll(async () =>
        (await requests('createAdditionalConnection')).map((request) => (request.params as { endpoint: { phoneNumber: string } }).endpoint.phoneNumber),
      )
      .toEqual(['+819012345678']);
    await session.emulator.control.thirdPartyAnswers(contactId);
    await expect.poll(() => card(contactId).getByTestId('party').count()).toBe(2);
    // The third party's number is masked like the caller's.
    expect(await pageSurfaces(page)).not.toContain('9012345678');
    await session.emulator.control.thirdPartyLeaves(contactId);
    await expect.poll(() => card(contactId).getByTestId('party').count()).toBe(0);
    expect(await card(contactId).getAttribute('data-phase')).toBe('on_hold');
  });

  it('dials out only numbers the policy allows: refused ones never reach Connect', async () => {
    page = await session.openDesk();
    await page.getByTestId('dial-open').click();
    const dial = page.getByTestId('dial');
    const refused: [string, string][] = [
      ['12345', 'invalid'],
      ['+44 20 7946 0958', 'country_not_allowed'],
      ['0990-123-456', 'premium_rate'],
      ['+1 900 555 0123', 'premium_rate'],
    ];
    for (const [number, reason] of refused) {
      await dial.getByTestId('dial-input').fill(number);
      await dial.getByTestId('dial-check').click();
      expect(await dial.getByTestId('dial-refused').getAttribute('data-reason')).toBe(reason);
      expect(await dial.getByTestId('dial-confirm').count()).toBe(0);
      expect((await dial.getByTestId('dial-refused').textContent())?.length).toBeGreaterThan(10);
    }
    expect(await requests('createOutboundContact')).toEqual([]);

    await dial.getByTestId('dial-input').fill('03-1234-5678');
    await dial.getByTestId('dial-check').click();
    expect(await dial.getByTestId('dial-confirm').textContent()).toContain('+81 3 1234 5678');
    await dial.getByTestId('dial-confirm').click();
    await expect
      .poll(async () =>
        (await requests('createOutboundContact')).map((request) => (request.params as { endpoint: { phoneNumber: string } }).endpoint.phoneNumber),
      )
      .toEqual([CALLER_E164]);
    const outbound = page.locator('[data-testid=contact-card][data-phase=connecting]');
    await outbound.waitFor();
    // The agent's own call rings at the customer: only hang-up applies, and the number is masked.
    expect(await outbound.locator('.actions button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-testid')))).toEqual([
      'hang-up',
    ]);
    for (const raw of spellings(CALLER)) expect(await pageSurfaces(page)).not.toContain(raw);
  });

  it('names system agent states for what they mean and counts time in state', async () => {
    page = await session.openDesk();
    const contactId = await session.emulator.control.addContact({ type: 'voice', caller: CALLER });
    await card(contactId).waitFor();
    await expect.poll(() => page.getByTestId('agent-state').locator('option:checked').textContent()).toBe('Incoming contact');
    await card(contactId).getByTestId('accept').click();
    await expect.poll(() => page.getByTestId('agent-state').locator('option:checked').textContent()).toBe('On a contact');
    await session.emulator.control.setContactState(contactId, 'ended');
    await expect.poll(() => page.getByTestId('agent-state').locator('option:checked').textContent()).toBe('After contact work');
    expect(await page.getByTestId('state-timer').textContent()).toMatch(/^\d+:\d\d$/);
  });

  it('raises the badge, the title and a masked notification for a ringing contact while the shell is in the background', async () => {
    page = await session.openDesk();
    await page.evaluate(() => {
      // Record what the shell asks Chrome to show (the notification itself is the OS's).
      const shown: unknown[] = [];
      Object.assign(window, { shownNotifications: shown });
      const create = chrome.notifications.create.bind(chrome.notifications) as (
        id: string,
        options: chrome.notifications.NotificationOptions,
      ) => Promise<string>;
      Object.assign(chrome.notifications, {
        create: (id: string, options: chrome.notifications.NotificationOptions) => {
          shown.push({ id, ...options });
          return create(id, options);
        },
      });
    });
    const front = await session.shield.context.newPage();
    try {
      await front.goto('about:blank');
      await front.bringToFront();
      const contactId = await session.emulator.control.addContact({ type: 'voice', caller: CALLER, queue: 'Payments' });
      await expect.poll(() => page.title()).toContain('(1)');
      const worker = await session.shield.worker();
      await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
      const notifications = await page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications);
      expect(notifications).toHaveLength(1);
      const text = JSON.stringify(notifications);
      expect(text).toContain('Payments');
      expect(text).toContain('5678');
      for (const raw of spellings(CALLER)) expect(text).not.toContain(raw);
      expect(text).not.toContain('312345678');
      // Answering clears all three.
      await card(contactId).getByTestId('accept').click();
      await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
      expect(await page.title()).not.toContain('(1)');
    } finally {
      await front.close();
    }
  });
});

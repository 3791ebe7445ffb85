import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShieldSession, type ShieldSession } from './support/shieldSession.ts';

/** Chrome's side panel is 400 px wide by default (and at least 320 px). */
const SIDE_PANEL = { width: 400, height: 800 };
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core (WCAG 2.2 AA and best practices) on the side panel's desk at 400 px, with a ringing
 * call, a connected call with its number pad and transfer picker open, and a chat. The CCP frame is
 * Amazon's own document (hidden, inert) and is not ours to judge.
 */
describe('the desk at side-panel width is accessible', () => {
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    session = await startShieldSession();
    page = await session.shield.open('src/shell/sidepanel.html');
    await page.setViewportSize(SIDE_PANEL);
    await page.getByTestId('agent-name').waitFor();
    const { control } = session.emulator;
    const call = await control.addContact({
      type: 'voice',
      caller: '+81 3 1234 5678',
      queue: 'Payments',
      attributes: { orderId: 'ORD-2026-004211', cardNumber: '4111 1111 1111 1111' },
    });
    const card = page.locator(`[data-testid=contact-card][data-contact-id="${call}"]`);
    await card.getByTestId('accept').click();
    await page.locator(`[data-testid=contact-card][data-contact-id="${call}"][data-phase=connected]`).waitFor();
    await card.getByTestId('keypad').click();
    await card.getByTestId('addParty').click();
    await card.getByTestId('quick-connect').first().waitFor();
    const chat = await control.addContact({ type: 'chat', customerName: 'Hanako', queue: 'Chat support' });
    const chatCard = page.locator(`[data-testid=contact-card][data-contact-id="${chat}"]`);
    await chatCard.getByTestId('accept').click();
    await page.locator(`[data-testid=chat][data-contact-id="${chat}"]`).waitFor();
    await control.sendCustomerMessage(chat, { text: 'Where is my **refund**?', contentType: 'text/markdown' });
    await page.locator('[data-testid=chat-message][data-role=customer]').waitFor();
    await control.addContact({ type: 'voice', caller: '+81 90 1234 5678', queue: 'Payments' });
    await page.locator('[data-testid=contact-card][data-phase=connecting], [data-testid=contact-card][data-phase=incoming]').first().waitFor();
    await page.getByTestId('dial-open').click();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('has no axe violations', async () => {
    const results = await new AxeBuilder({ page }).withTags(WCAG).exclude('[data-testid=ccp-container]').analyze();
    const violations = results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
    expect(violations).toEqual([]);
    // The check ran on the desk, not on an empty page.
    expect(results.passes.map((pass) => pass.id)).toEqual(
      expect.arrayContaining(['landmark-one-main', 'page-has-heading-one', 'region', 'color-contrast', 'button-name', 'label']),
    );
  });

  it('reads at a normal size and fits 400 px without sideways scrolling', async () => {
    const layout = await page.evaluate(() => {
      // Every element that shows text of its own, outside the hidden CCP frame.
      const sizes = Array.from(document.querySelectorAll('body *'))
        .filter(
          (element) =>
            !element.closest('[data-testid=ccp-container], .visually-hidden') &&
            Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== ''),
        )
        .map((element) => Number.parseFloat(getComputedStyle(element).fontSize));
      return {
        bodyFont: Number.parseFloat(getComputedStyle(document.body).fontSize),
        smallestText: Math.min(...sizes),
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      };
    });
    // Chromium's default for extension pages is 10.5 px; the shell reads at 14 px, badges at 12.
    expect(layout.bodyFont).toBeGreaterThanOrEqual(14);
    expect(layout.smallestText).toBeGreaterThanOrEqual(12);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
  });

  it('lets a keyboard reach every card control, in reading order, with a visible focus', async () => {
    await page.locator('body').focus();
    const reached: string[] = [];
    for (let press = 0; press < 60; press += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
        return {
          id: element.getAttribute('data-testid') ?? element.tagName.toLowerCase(),
          outlined,
          inFrame: element.closest('[data-testid=ccp-container]') !== null,
        };
      });
      if (focused === null) continue;
      expect(focused.inFrame).toBe(false);
      expect(focused.outlined, `focus ring on ${focused.id}`).toBe(true);
      reached.push(focused.id);
    }
    expect(reached).toEqual(
      expect.arrayContaining([
        'agent-state',
        'dial-input',
        'accept',
        'reject',
        'hold',
        'mute',
        'keypad',
        'addParty',
        'quick-connect',
        'quick-connect-search',
        'transfer-number-input',
        'chat-input',
        'hang-up',
      ]),
    );
    // The ringing call comes first, before the call in progress.
    expect(reached.indexOf('accept')).toBeLessThan(reached.indexOf('hold'));
  });

  it('opens the number pad from the keyboard and reaches its keys', async () => {
    const call = page.locator('[data-testid=contact-card][data-phase=connected]').first();
    await call.getByTestId('keypad').focus();
    await page.keyboard.press('Enter');
    await call.locator('div[data-testid=keypad]').waitFor();
    // The pad opens below the card's buttons: past them, the keys come next.
    const order: (string | null)[] = [];
    for (let press = 0; press < 4; press += 1) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null));
    }
    expect(order).toEqual(['addParty', 'hang-up', 'key-1', 'key-2']);
    await page.keyboard.press('Enter');
    const results = await new AxeBuilder({ page }).withTags(WCAG).include('[data-testid=contact-card]').analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});

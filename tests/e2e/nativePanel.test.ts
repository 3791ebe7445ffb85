import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageSurfaces, spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';

const CALLER = '+81 3 1234 5678';
const CARD = '4111 1111 1111 1111';
const CHAT_TEXT = `my card is ${CARD} please refund order 77`;
const QUEUE = 'Card payments';
// The softphone needs a microphone and the ringtone needs audio without a click: fake both.
const MEDIA_FLAGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'];

/** What a person would see of the CCP frame: its painted box, what the pointer hits there, and its text. */
async function frameOnScreen(page: Page) {
  return page.evaluate(() => {
    const container = document.querySelector<HTMLElement>('[data-testid=ccp-container]');
    const frame = container?.querySelector('iframe');
    if (!container || !frame) throw new Error('no CCP frame');
    const box = frame.getBoundingClientRect();
    const style = getComputedStyle(container);
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      panel: container.dataset.nativePanel,
      hitsFrame: hit === frame || hit === container,
      clipped: style.clipPath === 'inset(50%)',
      transparent: style.opacity === '0',
      inert: container.hasAttribute('inert'),
      ariaHidden: container.getAttribute('aria-hidden') === 'true',
      width: box.width,
    };
  });
}

/**
 * Whether the CCP frame contributes any pixel to the screenshot: the same page shot twice, once
 * with the frame made invisible. Timers are masked out (they tick between the two shots).
 */
async function frameAddsPixels(page: Page): Promise<boolean> {
  const shoot = () =>
    page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide', mask: [page.getByTestId('contact-timer'), page.getByTestId('state-timer')] });
  const asIs = await shoot();
  await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid=ccp-container] iframe')?.style.setProperty('visibility', 'hidden'));
  const withoutFrame = await shoot();
  await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid=ccp-container] iframe')?.style.removeProperty('visibility'));
  return !asIs.equals(withoutFrame);
}

async function ccpFrameText(page: Page): Promise<string> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/ccp-v2'));
  if (!frame) throw new Error('no CCP frame');
  return frame.evaluate(() => document.body.innerText);
}

describe("Amazon's native CCP panel", () => {
  let session: ShieldSession;

  beforeAll(async () => {
    session = await startShieldSession({ chromiumArgs: MEDIA_FLAGS });
  });
  afterAll(async () => {
    await session?.close();
  });

  async function callAndChat(page: Page): Promise<{ call: string; chat: string }> {
    const { control } = session.emulator;
    const call = await control.addContact({ type: 'voice', caller: CALLER, queue: QUEUE });
    await page.locator(`[data-contact-id="${call}"] [data-testid=accept]`).click();
    const chat = await control.addContact({ type: 'chat', customerName: 'Hanako', queue: 'Chat support' });
    await page.locator(`[data-contact-id="${chat}"] [data-testid=accept]`).click();
    await page.locator(`[data-contact-id="${chat}"][data-phase=connected]`).waitFor();
    await control.sendCustomerMessage(chat, { text: CHAT_TEXT });
    await page.locator(`[data-testid=chat][data-contact-id="${chat}"] [data-testid=chat-message]`).waitFor();
    return { call, chat };
  }

  it('is shown while the agent must sign in, then hidden but still working during a call and a chat', async () => {
    const { control } = session.emulator;
    await control.setUnresponsive(true);
    const page = await session.shield.open('src/shell/shell.html');
    try {
      // No signed-in agent yet: the agent may have to act inside Amazon's panel.
      await expect.poll(() => page.getByTestId('ccp-container').getAttribute('data-native-panel')).toBe('sign_in');
      expect((await frameOnScreen(page)).hitsFrame).toBe(true);
      await control.setUnresponsive(false);
      await page.getByTestId('agent-name').waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('ccp-container').getAttribute('data-native-panel')).toBe('hidden');

      const ringing = await control.addContact({ type: 'voice', caller: '+81 90 1111 2222', queue: QUEUE });
      // The hidden CCP still rings: its ringtone plays.
      await expect.poll(async () => (await control.state()).pages.some((report) => report.ringtone === 'playing'), { timeout: 10_000 }).toBe(true);
      await control.clear(ringing);

      await callAndChat(page);
      // The emulated CCP shows what Amazon's does: the raw number, the queue, the whole chat.
      const inFrame = await ccpFrameText(page);
      expect(inFrame).toContain(CALLER);
      expect(inFrame).toContain(QUEUE);
      expect(inFrame).toContain(CHAT_TEXT);

      // None of it is on screen: the frame paints nothing, the pointer does not reach it, it is
      // out of the tab order and hidden from screen readers.
      expect(await frameOnScreen(page)).toMatchObject({ panel: 'hidden', hitsFrame: false, clipped: true, transparent: true, inert: true, ariaHidden: true });
      expect(await frameAddsPixels(page)).toBe(false);
      const surfaces = await pageSurfaces(page);
      for (const raw of [...spellings(CALLER), ...spellings(CARD), CHAT_TEXT]) expect(surfaces).not.toContain(raw);

      // Hidden is not stopped: the softphone has its microphone, the CCP's timers run, and the
      // health check still hears it (no "Cannot reach" banner well past the silence limit).
      await expect.poll(async () => (await control.state()).pages.some((report) => report.microphone === 'live'), { timeout: 10_000 }).toBe(true);
      const beats = async () => Math.max(...(await control.state()).pages.map((report) => report.beats));
      // Counted on the CCP's own 1 s timer rather than a sleep: seven beats is past the silence limit.
      const before = await beats();
      await expect.poll(beats, { timeout: 30_000 }).toBeGreaterThan(before + 7);
      expect(await page.getByTestId('ccp-status').count()).toBe(0);
    } finally {
      await page.close();
      await control.reset();
    }
  });

  it('stays visible, with the raw number on screen, when the organization keeps it (so the check above can fail)', async () => {
    const { emulator, shield } = session;
    await shield.setLocalPolicy({ instance: { ccpUrl: emulator.ccpUrl, region: emulator.region }, ccp: { showNativePanel: true } });
    const page = await session.openDesk();
    try {
      await callAndChat(page);
      await page.getByTestId('native-panel-warning').waitFor();
      expect(await frameOnScreen(page)).toMatchObject({ panel: 'policy', hitsFrame: true, clipped: false, inert: false });
      expect(await frameAddsPixels(page)).toBe(true);
      expect(await ccpFrameText(page)).toContain(CALLER);
    } finally {
      await page.close();
      await emulator.control.reset();
      await shield.setLocalPolicy({ instance: { ccpUrl: emulator.ccpUrl, region: emulator.region } });
    }
  });
});

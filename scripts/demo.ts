import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionIdFromManifest } from '../src/cli/browser/extensionId.ts';
import { launchShield, type ShieldBrowser } from '../src/cli/browser/launchShield.ts';
import { CHROMIUM_INSTALL_HINT, findChromium } from '../src/cli/browser/findChromium.ts';
import { startEmulator, type RunningEmulator } from '../tests/emulator/startEmulator.ts';

/**
 * `npm run demo`: the built extension in Chromium against the local CCP emulator, with a demo
 * agent and a short script of contacts. With a display it stays open for a person to click
 * through; without one (or with --headless) it writes screenshots to demo-output/.
 */
const EXTENSION_ORIGIN = `chrome-extension://${extensionIdFromManifest('manifest.json')}`;
const OUTPUT = resolve('demo-output');

async function main(): Promise<void> {
  if (!findChromium()) {
    console.error(CHROMIUM_INSTALL_HINT);
    process.exitCode = 1;
    return;
  }
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
  const emulator = await startEmulator({
    approvedOrigins: [EXTENSION_ORIGIN],
    agent: { name: 'Sato Aiko', username: 'asato', routingProfile: 'Payments JP' },
  });
  const shield = await launchShield({ chromiumArgs: [...emulator.chromiumArgs], headless }).catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });
  try {
    await runDemo(emulator, shield, headless);
  } finally {
    await shield.close();
    await emulator.close();
  }
}

async function runDemo(emulator: RunningEmulator, shield: ShieldBrowser, headless: boolean): Promise<void> {
  await shield.setLocalPolicy({ instance: { ccpUrl: emulator.ccpUrl, region: emulator.region } });
  const { control } = emulator;
  const page = await shield.open('src/shell/shell.html');
  await page.getByTestId('agent-name').waitFor({ timeout: 30_000 });
  await page.getByTestId('agent-state').selectOption('Available');

  // 1. A card payment call: the IVR collected a card number; the agent sees only masked values.
  const payment = await control.addContact({
    type: 'voice',
    caller: '+81 3 1234 5678',
    queue: 'Card payments',
    attributes: {
      cardNumber: '4111 1111 1111 1111',
      cardExpiry: '12/29',
      customerEmail: 'taro.yamada@example.jp',
      orderId: 'ORD-2026-004211',
      amount: '¥12,800',
    },
  });
  await waitForCard(page, payment);
  await page.locator(`[data-contact-id="${payment}"] [data-testid=accept]`).click();
  await waitForPhase(page, payment, 'connected');

  // 2. A chat alongside: the customer types a card number; the agent sees it masked.
  const chat = await control.addContact({ type: 'chat', customerName: 'Hanako', queue: 'Chat support', attributes: { topic: 'refund' } });
  await page.locator(`[data-contact-id="${chat}"] [data-testid=accept]`).click();
  await waitForPhase(page, chat, 'connected');
  await control.sendCustomerMessage(chat, { text: 'こんにちは。返金について質問があります。' });
  await control.sendCustomerMessage(chat, { text: 'My card is 5555 5555 5555 4444, order ORD-2026-004211.' });
  await page.locator(`[data-testid=chat][data-contact-id="${chat}"] [data-testid=chat-message]`).nth(1).waitFor();
  const thread = page.locator(`[data-testid=chat][data-contact-id="${chat}"]`);
  await thread.getByTestId('chat-input').fill('Thank you. I will check the refund now.');
  await thread.getByTestId('chat-send').click();
  await thread.locator('[data-testid=chat-message][data-role=agent]').waitFor();

  // 3. A call from a number nobody knows.
  const unknown = await control.addContact({ type: 'voice', caller: '+1 202 555 0147', queue: 'General', attributes: { note: 'No customer record' } });
  await waitForCard(page, unknown);

  if (!headless) {
    console.log(`Connect Shield demo is running.
  Emulator control API: ${emulator.controlUrl}  (see README, "The CCP emulator")
  Close the browser window or press Ctrl+C to stop.`);
    await new Promise<void>((done) => {
      shield.context.on('close', () => done());
      process.once('SIGINT', () => done());
    });
  } else {
    mkdirSync(OUTPUT, { recursive: true });
    const shots: string[] = [];
    const shoot = async (target: Page, name: string) => {
      const path = resolve(OUTPUT, name);
      await target.screenshot({ path, fullPage: true });
      shots.push(path);
    };
    await shoot(page, '01-desk-card-payment-chat-unknown-caller.png');
    // The call controls, in the shell: hold (with its timer), mute (with its indicator), the keypad (DTMF).
    const paymentCard = page.locator(`[data-testid=contact-card][data-contact-id="${payment}"]`);
    await paymentCard.getByTestId('hold').click();
    await waitForPhase(page, payment, 'on_hold');
    await shoot(page, '02-call-on-hold.png');
    await paymentCard.getByTestId('resume').click();
    await waitForPhase(page, payment, 'connected');
    await paymentCard.getByTestId('mute').click();
    await page.getByTestId('agent-muted').waitFor({ timeout: 15_000 });
    await paymentCard.getByTestId('keypad').click();
    for (const key of ['1', '2', '#']) await paymentCard.getByTestId(`key-${key}`).click();
    await shoot(page, '03-muted-with-keypad.png');
    await paymentCard.getByTestId('unmute').click();
    await page.getByTestId('agent-muted').waitFor({ state: 'detached', timeout: 15_000 });
    await page.locator(`[data-contact-id="${payment}"] [data-testid=hang-up]`).click();
    await waitForPhase(page, payment, 'after_contact_work');
    await shoot(page, '04-after-contact-work.png');
    const panel = await shield.open('src/shell/sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 1000 });
    await panel.getByTestId('agent-name').waitFor();
    await panel.locator(`[data-testid=contact-card][data-contact-id="${chat}"]`).waitFor();
    await shoot(panel, '05-side-panel.png');
    const options = await shield.open('src/options/options.html');
    await options.getByTestId('ccp-url').waitFor();
    await shoot(options, '06-options.png');
    console.log(`Connect Shield demo (headless): screenshots written to\n${shots.map((shot) => `  ${shot}`).join('\n')}`);
  }
}

async function waitForCard(page: Page, contactId: string): Promise<void> {
  await page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`).waitFor({ timeout: 15_000 });
}

async function waitForPhase(page: Page, contactId: string, phase: string): Promise<void> {
  await page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"][data-phase="${phase}"]`).waitFor({ timeout: 15_000 });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

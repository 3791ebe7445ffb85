import type { Locator, Page } from 'playwright-core';
import type { DialStep, HoldStep, KeypadStep, MuteStep, RejectStep, ResumeStep, TransferStep, UnmuteStep } from './Scenario.ts';
import type { StepContext, StepOutcome } from './runStep.ts';
import { card, cardInPhase, cssString } from './shellLocators.ts';

/*
 * The call controls of the scenario format, driven through the card's own buttons. Each one ends
 * in one of three ways: its effect shows (ok), the shell says it could not be done (the desk's
 * notice, or a refused number: `ok: false` with the reason, and the run goes on), or neither
 * happens in time (thrown: the run stops, as for every other step).
 */

const DONE: StepOutcome = { ok: true };

/** The card's controls, by test id, for a reason that says what the agent could have clicked. */
async function offeredControls(target: Locator): Promise<string[]> {
  return target.locator('.actions button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-testid') ?? ''));
}

/** The card's button, or why there is none. */
async function controlButton(shell: Page, contactId: string, testId: string, timeout: number): Promise<Locator | StepOutcome> {
  const target = card(shell, contactId);
  await target.waitFor({ timeout });
  const button = target.locator(`.actions button[data-testid=${cssString(testId)}]`);
  if ((await button.count()) > 0) return button;
  const phase = (await target.getAttribute('data-phase')) ?? 'unknown';
  const offered = await offeredControls(target);
  return { ok: false, reason: `${testId} is not offered while the contact is ${phase} (the card offers: ${offered.join(', ') || 'nothing'})` };
}

function isLocator(value: Locator | StepOutcome): value is Locator {
  return !('ok' in value);
}

/** The desk's error notice: what the shell shows when Connect refused or failed an action. */
function notice(shell: Page): Locator {
  return shell.getByTestId('notice');
}

/**
 * Clears an earlier notice (so that it is not taken for this step's), runs the action, and waits
 * for its effect or for a notice. A notice becomes `ok: false` with its text and message key,
 * and is dismissed so that the next step starts clean.
 */
async function actThenSee(shell: Page, effect: Locator, timeout: number, act: () => Promise<void>): Promise<StepOutcome> {
  await dismissNotice(shell, timeout);
  await act();
  await effect.or(notice(shell)).first().waitFor({ timeout });
  if ((await notice(shell).count()) === 0) return DONE;
  const reason = await noticeReason(shell);
  await dismissNotice(shell, timeout);
  return { ok: false, reason };
}

async function noticeReason(shell: Page): Promise<string> {
  const shown = notice(shell);
  const key = (await shown.getAttribute('data-message-key')) ?? 'unknown';
  const text = ((await shown.locator('span').first().textContent()) ?? '').trim();
  return `the shell reported a failure (${key}): ${text}`;
}

async function dismissNotice(shell: Page, timeout: number): Promise<void> {
  if ((await notice(shell).count()) === 0) return;
  await notice(shell).getByRole('button').click({ timeout });
  await notice(shell).waitFor({ state: 'detached', timeout });
}

export async function reject(step: RejectStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  const button = await controlButton(shell, step.contact, 'reject', timeoutMs);
  if (!isLocator(button)) return button;
  await dismissNotice(shell, timeoutMs);
  await button.click({ timeout: timeoutMs });
  // A rejected contact leaves Connect's snapshot (a slow one shows "rejected" first): done when
  // the card no longer rings.
  const ringing = cardInPhase(shell, step.contact, ['incoming', 'connecting']);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await notice(shell).count()) > 0) {
      const reason = await noticeReason(shell);
      await dismissNotice(shell, timeoutMs);
      return { ok: false, reason };
    }
    if ((await ringing.count()) === 0) return DONE;
    if (Date.now() > deadline) throw new Error(`The contact still rang ${String(timeoutMs / 1000)} s after Reject.`);
    await shell.waitForTimeout(100);
  }
}

export async function hold(step: HoldStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  // With several parties the card's hold is "hold all".
  const target = card(shell, step.contact);
  await target.waitFor({ timeout: timeoutMs });
  const testId = (await target.locator('.actions button[data-testid=holdAll]').count()) > 0 ? 'holdAll' : 'hold';
  const button = await controlButton(shell, step.contact, testId, timeoutMs);
  if (!isLocator(button)) return button;
  return actThenSee(shell, cardInPhase(shell, step.contact, ['on_hold']), timeoutMs, () => button.click({ timeout: timeoutMs }));
}

export async function resume(step: ResumeStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  const button = await controlButton(shell, step.contact, 'resume', timeoutMs);
  if (!isLocator(button)) return button;
  return actThenSee(shell, cardInPhase(shell, step.contact, ['connected']), timeoutMs, () => button.click({ timeout: timeoutMs }));
}

export async function mute(step: MuteStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  const button = await controlButton(shell, step.contact, 'mute', timeoutMs);
  if (!isLocator(button)) return button;
  return actThenSee(shell, shell.getByTestId('agent-muted'), timeoutMs, () => button.click({ timeout: timeoutMs }));
}

export async function unmute(step: UnmuteStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  const button = await controlButton(shell, step.contact, 'unmute', timeoutMs);
  if (!isLocator(button)) return button;
  // The card's Mute button is back once Streams reports the microphone live again.
  const unmuted = card(shell, step.contact).locator('.actions button[data-testid=mute]');
  return actThenSee(shell, unmuted, timeoutMs, () => button.click({ timeout: timeoutMs }));
}

/**
 * Presses each key on the card's pad. A key press changes nothing on screen, so the effect is
 * Connect's: the emulator's request log has one DTMF request per key.
 */
export async function keypad(step: KeypadStep, { shell, control, timeoutMs }: StepContext): Promise<StepOutcome> {
  const button = await controlButton(shell, step.contact, 'keypad', timeoutMs);
  if (!isLocator(button)) return button;
  const target = card(shell, step.contact);
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click({ timeout: timeoutMs });
  await target.locator('div[data-testid=keypad]').waitFor({ timeout: timeoutMs });
  const sentBefore = await sentDigits(control, step.contact);
  await dismissNotice(shell, timeoutMs);
  for (const key of step.digits) await target.getByTestId(`key-${key}`).click({ timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await notice(shell).count()) > 0) {
      const reason = await noticeReason(shell);
      await dismissNotice(shell, timeoutMs);
      return { ok: false, reason };
    }
    const sent = (await sentDigits(control, step.contact)).slice(sentBefore.length).join('');
    if (sent === step.digits) return DONE;
    if (Date.now() > deadline) throw new Error(`Connect received the digits "${sent}" of "${step.digits}" within ${String(timeoutMs / 1000)} s.`);
    await shell.waitForTimeout(100);
  }
}

async function sentDigits(control: StepContext['control'], contactId: string): Promise<string[]> {
  return (await control.log()).apiRequests
    .filter((request) => request.method === 'sendDigits' && isForContact(request.params, contactId))
    .map((request) => {
      const digits = (request.params as { digits?: unknown }).digits;
      return typeof digits === 'string' ? digits : '';
    });
}

function isForContact(params: unknown, contactId: string): boolean {
  return typeof params === 'object' && params !== null && (params as { contactId?: unknown }).contactId === contactId;
}

/**
 * A quick connect whose name is `to` (ignoring case), or else `to` as a typed number through the
 * card's checked-number form. Done when the new party is listed on the card.
 */
export async function transfer(step: TransferStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  const button = await controlButton(shell, step.contact, 'addParty', timeoutMs);
  if (!isLocator(button)) return button;
  const target = card(shell, step.contact);
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click({ timeout: timeoutMs });
  const picker = target.getByTestId('party-picker');
  await picker.waitFor({ timeout: timeoutMs });
  // The quick connects load from Connect; the loading line goes once they are there (or failed).
  await picker.getByTestId('quick-connects-loading').waitFor({ state: 'detached', timeout: timeoutMs });
  const thirdParties = target.locator('[data-testid=party][data-role=third_party]');
  const before = await thirdParties.count();
  const added = thirdParties.nth(before);

  const names = await picker.getByTestId('quick-connect').evaluateAll((items) => items.map((item) => item.getAttribute('data-name') ?? ''));
  const quickConnect = names.find((name) => name.toLowerCase() === step.to.trim().toLowerCase());
  if (quickConnect !== undefined) {
    const choice = picker.locator(`[data-testid=quick-connect][data-name=${cssString(quickConnect)}]`);
    return actThenSee(shell, added, timeoutMs, () => choice.click({ timeout: timeoutMs }));
  }
  if (!/\d/.test(step.to)) return { ok: false, reason: `no quick connect is named "${step.to}" (the instance offers: ${names.join(', ') || 'none'})` };
  const checked = await checkNumber(target.getByTestId('transfer-number'), 'transfer-number', step.to, timeoutMs);
  if (!isLocator(checked)) return checked;
  return actThenSee(shell, added, timeoutMs, () => checked.click({ timeout: timeoutMs }));
}

/** The New call box: a refused number stops here; an allowed one rings as a new outbound card. */
export async function dial(step: DialStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  const open = shell.getByTestId('dial-open');
  await open.waitFor({ timeout: timeoutMs });
  if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click({ timeout: timeoutMs });
  const form = shell.getByTestId('dial');
  const checked = await checkNumber(form, 'dial', step.number, timeoutMs);
  if (!isLocator(checked)) return checked;
  const cards = shell.locator('[data-testid=contact-card]');
  const ids = await cards.evaluateAll((items) => items.map((item) => item.getAttribute('data-contact-id')));
  const newCard = shell.locator(`[data-testid=contact-card]${ids.map((id) => `:not([data-contact-id=${cssString(id ?? '')}])`).join('')}`).first();
  return actThenSee(shell, newCard, timeoutMs, () => checked.click({ timeout: timeoutMs }));
}

/** Types the number and asks the form to check it: the confirm button, or the refusal as an outcome. */
async function checkNumber(form: Locator, testId: string, number: string, timeout: number): Promise<Locator | StepOutcome> {
  await form.getByTestId(`${testId}-input`).fill(number, { timeout });
  await form.getByTestId(`${testId}-check`).click({ timeout });
  const confirm = form.getByTestId(`${testId}-confirm`);
  const refused = form.getByTestId(`${testId}-refused`);
  await confirm.or(refused).first().waitFor({ timeout });
  if ((await confirm.count()) > 0) return confirm;
  const code = (await refused.getAttribute('data-reason')) ?? 'unknown';
  const text = ((await refused.textContent()) ?? '').trim();
  return { ok: false, reason: `the dialing rules refused the number (${code}): ${text}` };
}

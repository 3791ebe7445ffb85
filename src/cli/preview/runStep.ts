import type { Page } from 'playwright-core';
import type { EmulatorControl } from '../../../tests/emulator/control/controlClient.ts';
import type {
  AcceptStep,
  AgentStateStep,
  AttributesStep,
  ChatStep,
  ClearStep,
  ContactStep,
  EndStep,
  HangUpStep,
  RevealStep,
  ScenarioStep,
} from './Scenario.ts';
import { dial, hold, keypad, mute, reject, resume, transfer, unmute } from './callControlSteps.ts';
import { customerAttachment, customerTyping } from './chatSteps.ts';
import { card, cssString, waitForPhase } from './shellLocators.ts';

export interface StepContext {
  /** The full-tab shell, driven the way an agent drives it. */
  shell: Page;
  /** The emulator, for what the customer and Connect do. */
  control: EmulatorControl;
  timeoutMs: number;
  /** Attributes the policy declares as secure-IVR fields: the card shows them as a capture status, not a row. */
  secureAttributes: ReadonlySet<string>;
}

/** `reason` when the step had nothing to do but the run can go on; failures throw. */
export type StepOutcome = { ok: true } | { ok: false; reason: string };

const DONE: StepOutcome = { ok: true };

/** How long an attribute update may take to show when it changes no row's presence. */
const VISIBLE_CHANGE_GRACE_MS = 2000;

/**
 * Runs one step and waits until its effect is on screen (a card, a phase, a row), never for a
 * fixed time. Adding a step type: add it to Scenario.ts, and the `never` check below points here.
 */
export function runStep(step: ScenarioStep, context: StepContext): Promise<StepOutcome> {
  switch (step.type) {
    case 'contact':
      return startContact(step, context);
    case 'attributes':
      return updateAttributes(step, context);
    case 'accept':
      return accept(step, context);
    case 'chat':
      return customerChat(step, context);
    case 'typing':
      return customerTyping(step, context);
    case 'attachment':
      return customerAttachment(step, context);
    case 'reveal':
      return reveal(step, context);
    case 'end':
      return customerEnds(step, context);
    case 'hangUp':
      return hangUp(step, context);
    case 'clear':
      return clear(step, context);
    case 'agentState':
      return setAgentState(step, context);
    case 'reject':
      return reject(step, context);
    case 'hold':
      return hold(step, context);
    case 'resume':
      return resume(step, context);
    case 'mute':
      return mute(step, context);
    case 'unmute':
      return unmute(step, context);
    case 'keypad':
      return keypad(step, context);
    case 'transfer':
      return transfer(step, context);
    case 'dial':
      return dial(step, context);
    default: {
      const unknownStep: never = step;
      throw new Error(`No runner for step ${JSON.stringify(unknownStep)}`);
    }
  }
}

async function startContact(step: ContactStep, { shell, control, timeoutMs }: StepContext): Promise<StepOutcome> {
  await control.addContact({
    contactId: step.id,
    type: step.channel,
    ...(step.caller !== undefined ? { caller: step.caller } : {}),
    ...(step.customerName !== undefined ? { customerName: step.customerName } : {}),
    ...(step.queue !== undefined ? { queue: step.queue } : {}),
    ...(step.attributes !== undefined ? { attributes: step.attributes } : {}),
  });
  const target = card(shell, step.id);
  await target.waitFor({ timeout: timeoutMs });
  // The service worker's verdict on the caller (deny list, repeat) follows the card: the step's
  // snapshot shows the banner the agent sees before answering, not "checking…".
  await target.locator('[data-testid=caller-risk][data-risk=pending]').waitFor({ state: 'detached', timeout: timeoutMs });
  return DONE;
}

async function updateAttributes(step: AttributesStep, { shell, control, timeoutMs, secureAttributes }: StepContext): Promise<StepOutcome> {
  const target = card(shell, step.contact);
  await target.waitFor({ timeout: timeoutMs });
  const before = await target.textContent();
  await control.updateAttributes(step.contact, step.attributes);
  for (const [name, value] of Object.entries(step.attributes)) {
    if (secureAttributes.has(name)) {
      await target.getByTestId('secure-capture').first().waitFor({ timeout: timeoutMs });
      continue;
    }
    const row = target.locator(`[data-testid=attribute][data-name=${cssString(name)}]`);
    await row.waitFor({ state: value === null ? 'detached' : 'attached', timeout: timeoutMs });
  }
  // A new value in an existing row leaves no structural trace, and a masked value may look the
  // same as before: give the card a short while to change, then go on either way. (Polling from
  // Node: page.waitForFunction would evaluate code in the page and trip the extension's CSP.)
  const deadline = Date.now() + VISIBLE_CHANGE_GRACE_MS;
  while (Date.now() < deadline && (await target.textContent()) === before) await shell.waitForTimeout(100);
  return DONE;
}

async function accept(step: AcceptStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  await card(shell, step.contact).getByTestId('accept').click({ timeout: timeoutMs });
  await waitForPhase(shell, step.contact, ['connected'], timeoutMs);
  return DONE;
}

async function customerChat(step: ChatStep, { shell, control, timeoutMs }: StepContext): Promise<StepOutcome> {
  const thread = shell.locator(`[data-testid=chat][data-contact-id=${cssString(step.contact)}]`);
  await thread.waitFor({ timeout: timeoutMs });
  const customerMessages = thread.locator('[data-testid=chat-message][data-role=customer]');
  const before = await customerMessages.count();
  await control.sendCustomerMessage(step.contact, { text: step.text, ...(step.contentType !== undefined ? { contentType: step.contentType } : {}) });
  await customerMessages.nth(before).waitFor({ timeout: timeoutMs });
  return DONE;
}

async function reveal(step: RevealStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  const row = card(shell, step.contact).locator(`[data-testid=attribute][data-name=${cssString(step.attribute)}]`);
  await row.waitFor({ timeout: timeoutMs });
  const button = row.getByTestId('reveal');
  if ((await button.count()) === 0) return { ok: false, reason: 'reveal not offered' };
  await button.click({ timeout: timeoutMs });
  const revealedRow = card(shell, step.contact).locator(`[data-testid=attribute][data-name=${cssString(step.attribute)}][data-revealed=true]`);
  const reasonInput = row.getByTestId('reveal-reason');
  // Without `reasonRequired` the value shows at once; with it, the reason form comes first.
  await reasonInput.or(revealedRow).first().waitFor({ timeout: timeoutMs });
  if ((await reasonInput.count()) > 0) {
    await reasonInput.fill(step.reason, { timeout: timeoutMs });
    await row.getByTestId('reveal-confirm').click({ timeout: timeoutMs });
  }
  await revealedRow.waitFor({ timeout: timeoutMs });
  return DONE;
}

const CONTACT_OVER = ['after_contact_work', 'ended'] as const;

async function customerEnds(step: EndStep, { shell, control, timeoutMs }: StepContext): Promise<StepOutcome> {
  await control.end(step.contact);
  await waitForPhase(shell, step.contact, CONTACT_OVER, timeoutMs);
  return DONE;
}

async function hangUp(step: HangUpStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  await card(shell, step.contact).getByTestId('hang-up').click({ timeout: timeoutMs });
  await waitForPhase(shell, step.contact, CONTACT_OVER, timeoutMs);
  return DONE;
}

async function clear(step: ClearStep, { shell, timeoutMs }: StepContext): Promise<StepOutcome> {
  const target = card(shell, step.contact);
  await target.getByTestId('clear').click({ timeout: timeoutMs });
  await target.waitFor({ state: 'detached', timeout: timeoutMs });
  return DONE;
}

async function setAgentState(step: AgentStateStep, { shell, control, timeoutMs }: StepContext): Promise<StepOutcome> {
  const select = shell.getByTestId('agent-state');
  await select.waitFor({ timeout: timeoutMs });
  const offered = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  if (!offered.includes(step.state)) return { ok: false, reason: `state not offered (the selector has ${offered.join(', ')})` };
  await select.selectOption(step.state, { timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  while ((await control.state()).agent.state !== step.state) {
    if (Date.now() > deadline) throw new Error(`Connect did not report the agent as ${step.state} within ${String(timeoutMs / 1000)} s.`);
    await shell.waitForTimeout(100);
  }
  return DONE;
}

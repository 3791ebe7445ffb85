import type { StepContext, StepOutcome } from './runStep.ts';
import type { AttachmentStep, TypingStep } from './Scenario.ts';
import { cssString } from './shellLocators.ts';

const DONE: StepOutcome = { ok: true };

function thread({ shell }: StepContext, contactId: string) {
  return shell.locator(`[data-testid=chat][data-contact-id=${cssString(contactId)}]`);
}

/** The customer types; done when the thread shows that the customer is typing. */
export async function customerTyping(step: TypingStep, context: StepContext): Promise<StepOutcome> {
  const chat = thread(context, step.contact);
  await chat.waitFor({ timeout: context.timeoutMs });
  await context.control.customerTyping(step.contact);
  await chat.getByTestId('chat-typing').waitFor({ timeout: context.timeoutMs });
  return DONE;
}

/** The customer sends a file; done when the thread shows one more attachment (by name, never its content). */
export async function customerAttachment(step: AttachmentStep, context: StepContext): Promise<StepOutcome> {
  const chat = thread(context, step.contact);
  await chat.waitFor({ timeout: context.timeoutMs });
  const attachments = chat.getByTestId('chat-attachment');
  const before = await attachments.count();
  await context.control.sendCustomerAttachment(step.contact, {
    name: step.name,
    contentType: step.contentType ?? 'text/plain',
    text: step.text ?? 'Attachment sent in a Connect Shield preview.',
  });
  await attachments.nth(before).waitFor({ timeout: context.timeoutMs });
  return DONE;
}

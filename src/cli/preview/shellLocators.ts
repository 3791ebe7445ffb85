import type { Locator, Page } from 'playwright-core';

/** The contact's card in the shell, by its Connect contact ID. */
export function card(shell: Page, contactId: string): Locator {
  return shell.locator(`[data-testid=contact-card][data-contact-id=${cssString(contactId)}]`);
}

/** Any of the phases: a step is done when the card has moved to one of them. */
export function cardInPhase(shell: Page, contactId: string, phases: readonly string[]): Locator {
  const selector = phases.map((phase) => `[data-testid=contact-card][data-contact-id=${cssString(contactId)}][data-phase=${cssString(phase)}]`).join(', ');
  return shell.locator(selector).first();
}

export async function waitForPhase(shell: Page, contactId: string, phases: readonly string[], timeout: number): Promise<void> {
  await cardInPhase(shell, contactId, phases).waitFor({ timeout });
}

/** A CSS string literal, so ids and attribute names with quotes or backslashes select exactly. */
export function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

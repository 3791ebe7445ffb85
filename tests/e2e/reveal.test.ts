import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageSurfaces, spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog } from './support/storedValues.ts';

const CARD = '4111 1111 1111 1111';
const SSN = '123-45-6789';
const EMAIL = 'taro.yamada@example.jp';
const REVEAL_SECONDS = 5;

describe('the elevated (supervisor) view', () => {
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    session = await startShieldSession({
      withPolicy: {
        roles: {
          elevatedViewAllowed: true,
          supervisors: { usernames: ['supervisor1'] },
          revealableKinds: ['ssn', 'email'],
          revealSeconds: REVEAL_SECONDS,
          reasonRequired: true,
        },
      },
    });
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await page?.close();
    await session.emulator.control.reset();
  });

  const row = (contactId: string, name: string) =>
    page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"] [data-testid=attribute][data-name="${name}"]`);

  const auditLog = async () => storedAuditLog(await session.shield.storageDump());

  it('offers an agent no reveal at all', async () => {
    await session.emulator.control.setAgent({ username: 'agent7', name: 'Agent Seven' });
    page = await session.openDesk();
    const contactId = await session.emulator.control.addContact({ type: 'voice', attributes: { ssn: SSN, email: EMAIL } });
    await row(contactId, 'ssn').waitFor();
    expect(await page.getByTestId('reveal').count()).toBe(0);
    expect(await page.getByTestId('elevated-view').count()).toBe(0);
  });

  it('lets a supervisor reveal a permitted value with a reason, re-masks it, and audits without the value', async () => {
    await session.emulator.control.setAgent({ username: 'supervisor1', name: 'Suzuki Supervisor' });
    page = await session.openDesk();
    await page.getByTestId('elevated-view').waitFor();
    const contactId = await session.emulator.control.addContact({ type: 'voice', attributes: { ssn: SSN, cardNumber: CARD, email: EMAIL } });
    await row(contactId, 'ssn').waitFor();

    // Cards are never revealable, whoever asks.
    expect(await row(contactId, 'cardNumber').getByTestId('reveal').count()).toBe(0);

    await row(contactId, 'ssn').getByTestId('reveal').click();
    const confirm = row(contactId, 'ssn').getByTestId('reveal-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await row(contactId, 'ssn').getByTestId('reveal-reason').fill(`customer asked to verify, said ${SSN}`);
    await confirm.click();
    await expect.poll(() => row(contactId, 'ssn').getByTestId('attribute-value').textContent()).toBe(SSN);
    expect(await row(contactId, 'ssn').getAttribute('data-revealed')).toBe('true');
    // The other values stay masked while one is revealed.
    expect(await pageSurfaces(page)).not.toContain(EMAIL);

    // It masks again by itself after the policy's number of seconds.
    await row(contactId, 'ssn')
      .locator('xpath=self::*[not(@data-revealed)]')
      .waitFor({ timeout: (REVEAL_SECONDS + 10) * 1000 });
    for (const raw of spellings(SSN)) expect(await pageSurfaces(page)).not.toContain(raw);

    const reveals = (await auditLog()).filter((event) => event.type === 'masking.reveal');
    expect(reveals).toHaveLength(1);
    expect(reveals[0]?.details).toMatchObject({ who: 'supervisor1', contactId, attributeName: 'ssn', kind: 'ssn' });
    expect(String(reveals[0]?.details.reason)).toContain('customer asked to verify');
    const storage = JSON.stringify(await session.shield.storageDump());
    for (const raw of [SSN, CARD, EMAIL].flatMap(spellings)) expect(storage).not.toContain(raw);
  });
});

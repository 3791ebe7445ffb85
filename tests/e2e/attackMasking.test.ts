import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageSurfaces, spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';
import { storedAuditLog } from './support/storedValues.ts';

// Issue 11, the attack run: what the masking let through on a supervisor's desk. One browser, one
// desk for the whole file; each test starts its own contact.

const SSN = '123-45-6789';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const MY_NUMBER = '1234 5678 9018';
const JP_PHONE = '090-1234-5678';
const CARD_DIGITS = '4111111111111111';
const MEMBER_ID = 'MB-12345678';

interface AuditEntry {
  type: string;
  details: Record<string, unknown>;
}

describe('attack: masking on the supervisor desk', () => {
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    session = await startShieldSession({
      emulator: { agent: { username: 'supervisor1', name: 'Suzuki Supervisor' } },
      withPolicy: {
        masking: {
          attributeRules: [{ match: 'accountNumber', kind: 'accountNumber' }],
          patterns: [{ name: 'Member ID', regex: '\\bMB-[0-9]{8}\\b' }],
        },
        dialing: { defaultCountry: 'JP' },
        approvedOrigins: ['https://*.kb.example.com'],
        roles: {
          elevatedViewAllowed: true,
          supervisors: { usernames: ['supervisor1'] },
          revealableKinds: ['dob', 'accountNumber'],
          revealSeconds: 120,
          reasonRequired: true,
        },
      },
    });
    page = await session.openDesk();
    await page.getByTestId('elevated-view').waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  const row = (contactId: string, name: string) =>
    page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"] [data-testid=attribute][data-name="${name}"]`);
  const auditLog = async (): Promise<AuditEntry[]> => storedAuditLog(await session.shield.storageDump());
  const reveal = async (contactId: string, name: string, reason: string): Promise<void> => {
    await row(contactId, name).getByTestId('reveal').click();
    await row(contactId, name).getByTestId('reveal-reason').fill(reason);
    await row(contactId, name).getByTestId('reveal-confirm').click();
    await row(contactId, name).and(page.locator('[data-revealed=true]')).waitFor();
  };
  const revealEvent = async (contactId: string, attributeName: string): Promise<AuditEntry | undefined> =>
    (await auditLog()).find(
      (event) => event.type === 'masking.reveal' && event.details.contactId === contactId && event.details.attributeName === attributeName,
    );

  describe('finding 1: a reveal shows only the revealed kind', () => {
    it('reveals the date of birth of a DOB attribute, not the SSN written into it', async () => {
      const contactId = await session.emulator.control.addContact({ type: 'voice', attributes: { dateOfBirth: `1990-01-15, SSN ${SSN}` } });
      await row(contactId, 'dateOfBirth').waitFor();
      await reveal(contactId, 'dateOfBirth', 'identity check');
      expect(await row(contactId, 'dateOfBirth').getByTestId('attribute-value').textContent()).toBe('1990-01-15, SSN •••• 6789');
      const surfaces = await pageSurfaces(page);
      for (const raw of spellings(SSN)) expect(surfaces).not.toContain(raw);
      // The worker records the reveal after it answered: the value can be on screen first.
      await expect.poll(async () => (await revealEvent(contactId, 'dateOfBirth'))?.details).toMatchObject({ kind: 'dob', kinds: ['dob'] });
    });

    it('reveals an account number without the IBAN and My Number it holds', async () => {
      const contactId = await session.emulator.control.addContact({
        type: 'voice',
        attributes: { accountNumber: `IBAN ${IBAN}, マイナンバー ${MY_NUMBER}` },
      });
      await row(contactId, 'accountNumber').waitFor();
      await reveal(contactId, 'accountNumber', 'account check');
      expect(await row(contactId, 'accountNumber').getByTestId('attribute-value').textContent()).toBe('IBAN •••• 3000, マイナンバー [My Number]');
      const surfaces = await pageSurfaces(page);
      for (const raw of [IBAN, MY_NUMBER].flatMap(spellings)) expect(surfaces).not.toContain(raw);
      // The worker records the reveal after it answered: the value can be on screen first.
      await expect
        .poll(async () => (await revealEvent(contactId, 'accountNumber'))?.details)
        .toMatchObject({ kind: 'accountNumber', kinds: ['accountNumber'] });
    });
  });

  describe("finding 5: the reveal reason is masked with the policy's engine", () => {
    it('stores neither a national phone number (default country JP) nor a member ID (a policy pattern) typed as the reason', async () => {
      const contactId = await session.emulator.control.addContact({ type: 'voice', attributes: { dateOfBirth: '1985-03-04' } });
      await row(contactId, 'dateOfBirth').waitFor();
      await reveal(contactId, 'dateOfBirth', `caller on ${JP_PHONE}, member ${MEMBER_ID}`);
      await expect.poll(async () => (await revealEvent(contactId, 'dateOfBirth'))?.details.reason).toBe('caller on •••• 5678, member ••••••••');
      const storage = JSON.stringify(await session.shield.storageDump());
      for (const raw of [JP_PHONE, MEMBER_ID, ...spellings(JP_PHONE)]) expect(storage).not.toContain(raw);
    });
  });

  describe('finding 3: hosts decoded after masking', () => {
    it('never links, shows or audits a card number that the URL parser decodes from a percent-encoded host', async () => {
      const contactId = await session.emulator.control.addContact({
        type: 'voice',
        attributes: { screenPop: 'https://%34111111111111111.kb.example.com/case', crmLink: 'https://%34111111111111111.evil.test/' },
      });
      const card = page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`);
      await row(contactId, 'crmLink').waitFor();
      expect(await card.getByTestId('approved-link').count()).toBe(0);
      expect(await row(contactId, 'screenPop').getByTestId('blocked-link').getAttribute('data-reason')).toBe('sensitive_value');
      expect(await row(contactId, 'screenPop').getByTestId('attribute-value').textContent()).toContain('https://•••• 1111.kb.example.com/case');
      const surfaces = await pageSurfaces(page);
      for (const raw of spellings(CARD_DIGITS)) expect(surfaces).not.toContain(raw);
      await expect
        .poll(async () => (await auditLog()).filter((event) => event.type === 'origin.blocked').map((event) => event.details.origin))
        // The masked labels become one `*`, which the URL parser stores as %2A.
        .toContain('https://%2A.evil.test');
      expect(JSON.stringify(await session.shield.storageDump())).not.toContain(CARD_DIGITS);
    });
  });

  describe('finding 4: names are masked like values', () => {
    it('masks a card number written into an attribute name, a queue name, and the name in a fail-closed audit event', async () => {
      const contactId = await session.emulator.control.addContact({
        type: 'voice',
        queue: 'Callback 4111 1111 1111 1111',
        attributes: { [`card ${CARD_DIGITS}`]: 'see note', 'note 4012888888881881': 'x'.repeat(40_000), orderId: 'ORD-2026-000123' },
      });
      await row(contactId, 'orderId').waitFor();
      expect(await row(contactId, 'card •••• 1111').getByTestId('attribute-value').textContent()).toBe('see note');
      expect(await page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`).textContent()).toContain('Callback •••• 1111');
      const surfaces = await pageSurfaces(page);
      for (const raw of [CARD_DIGITS, '4012888888881881'].flatMap(spellings)) expect(surfaces).not.toContain(raw);
      await expect
        .poll(async () => (await auditLog()).filter((event) => event.type === 'masking.failed_closed').map((event) => event.details.attributeName))
        .toContain('note •••• 1881');
      const storage = JSON.stringify(await session.shield.storageDump());
      for (const raw of [CARD_DIGITS, '4012888888881881'].flatMap(spellings)) expect(storage).not.toContain(raw);
    });
  });

  describe('finding 6: secrets written across boundaries and in other digit forms', () => {
    const digitsIn = (base: number, text: string) => [...text].map((c) => (c >= '0' && c <= '9' ? String.fromCodePoint(base + Number(c)) : c)).join('');
    const superscript = (text: string) => [...text].map((c) => ({ '1': '¹', '4': '⁴' })[c] ?? c).join('');
    const circled = (text: string) => [...text].map((c) => (c >= '1' && c <= '9' ? String.fromCodePoint(0x2460 + Number(c) - 1) : c)).join('');
    const written: Record<string, string> = {
      card1: '4111 1111',
      card2: '1111 1111',
      lineBreak: 'card 4111 1111\n1111 1111',
      mathematical: digitsIn(0x1d7ce, '4111 1111 1111 1111'),
      superscript: superscript('4111 1111 1111 1111'),
      circled: circled('4111 1111 1111 1111'),
      invisible: '4111\u20631111\u034f1111\ufe0f1111',
      marks: '4111\u200e1111\u200e1111\u200e1111',
      slashes: '4111/1111/1111/1111',
      underscores: '4111_1111_1111_1111',
      dots: '4111.1111.1111.1111',
    };

    it('masks a card split over two attributes in both, and every other spelling, on screen and in storage', async () => {
      const contactId = await session.emulator.control.addContact({ type: 'voice', attributes: { ...written, orderId: 'ORD-7' } });
      await row(contactId, 'orderId').waitFor();
      const shown = async (name: string) => (await row(contactId, name).getByTestId('attribute-value').textContent()) ?? '';
      expect(await shown('card1')).not.toMatch(/\d/);
      expect(await shown('card2')).toBe('•••• 1111');
      for (const name of Object.keys(written).filter((key) => !key.startsWith('card'))) expect(await shown(name)).toContain('•••• 1111');
      const surfaces = await pageSurfaces(page);
      const storage = JSON.stringify(await session.shield.storageDump());
      for (const raw of [...Object.values(written), ...spellings(CARD_DIGITS), '4111 1111', '41111111']) {
        expect(surfaces).not.toContain(raw);
        expect(storage).not.toContain(JSON.stringify(raw).slice(1, -1));
      }
    });
  });
});

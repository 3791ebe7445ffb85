// @vitest-environment happy-dom
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/commands/mask.ts';
import type { CliIO } from '../../../src/cli/CliIO.ts';
import { buildContactView } from '../../../src/core/contact/buildContactView.ts';
import { KIND_LABELS } from '../../../src/core/masking/displayFormat.ts';
import { maskLabelsFromMessages } from '../../../src/core/masking/maskLabelsFromMessages.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';
import type { Policy } from '../../../src/core/policy/Policy.ts';
import type { SensitiveKind } from '../../../src/core/policy/Policy.ts';
import { AttributeList } from '../../../src/shell/components/AttributeList.tsx';
import { shellMasker } from '../../../src/shell/shellMasker.ts';

// The shell's modules load the browser API polyfill; only chrome.i18n is used on this path.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const messages = (lang: 'en' | 'ja'): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../_locales', lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;

/** chrome.i18n as the browser gives it to the shell, reading the extension's own catalogue. */
function stubChromeI18n(lang: 'en' | 'ja'): void {
  const catalogue = messages(lang);
  Object.assign(globalThis, { chrome: { i18n: { getMessage: (key: string) => catalogue[key]?.message ?? '' } } });
}
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'chrome');
});

const dir = mkdtempSync(join(tmpdir(), 'mask-agree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// No dialing.defaultCountry, no display formats: the defaults are what differed before.
const policy: Policy = {
  instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' },
  masking: { attributeRules: [{ match: 'memberCode', kind: 'secret' }], patterns: [{ name: 'Member', regex: 'MB-[0-9]{6}' }] },
};
writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy));

const attributes: Record<string, string> = {
  note: 'card 4111 1111 1111 1111 exp 12/29',
  ssn: '123-45-6789',
  memo: 'SSN 123-45-6789 and DOB 1990-01-15',
  dateOfBirth: '1990-01-15',
  routing: 'routing 021000021',
  email: 'お問い合わせは sato@example.co.jp まで',
  tel: '090-1234-5678',
  member: 'id MB-123456',
  memberCode: 'abc',
  cvv: '123',
  orderId: 'ORD-2024-000123',
  myNumber: '5506 1408 9288',
};

async function cliView(locale: 'en' | 'ja'): Promise<Record<string, string>> {
  const stdout: string[] = [];
  const io: CliIO = { readStdin: async () => JSON.stringify(attributes), out: (t) => stdout.push(t), err: () => undefined, cwd: dir };
  expect(await run(['--policy', 'policy.json', '--role', 'agent', '--locale', locale], io)).toBe(0);
  return JSON.parse(stdout.join('')) as Record<string, string>;
}

/** The shell's path: its masker, the contact view, the card's attribute list as React renders it. */
function shellView(locale: 'en' | 'ja'): Record<string, string> {
  stubChromeI18n(locale);
  const masker = shellMasker(applyDefaults(policy), locale);
  const { view } = buildContactView(
    { contactId: 'c-1', type: 'voice', state: 'connected', stateSince: 0, agentConnectionState: 'connected', queueName: null, callerNumber: null, attributes },
    { masker, secureFields: [] },
    0,
  );
  const html = renderToStaticMarkup(
    <AttributeList
      attributes={view.attributes}
      unavailable={false}
      reveal={null}
      approved={{ matches: () => false, maskText: (text) => masker.maskText(text).display }}
    />,
  );
  const document = new DOMParser().parseFromString(html, 'text/html');
  return Object.fromEntries(
    [...document.querySelectorAll('[data-testid="attribute"]')].map((row) => [
      row.getAttribute('data-name') ?? '',
      row.querySelector('[data-testid="attribute-value"]')?.textContent ?? '',
    ]),
  );
}

describe('the mask CLI shows exactly what the shell shows', () => {
  it.each(['en', 'ja'] as const)('renders the same map the same way (%s)', async (locale) => {
    const shell = shellView(locale);
    expect(Object.keys(shell)).toEqual(Object.keys(attributes));
    expect(await cliView(locale)).toEqual(shell);
  });

  it('draws the policy defaults and the locale labels', async () => {
    const en = await cliView('en');
    expect(en).toMatchObject({ ssn: '•••• 6789', dateOfBirth: '••••••••', email: 'お問い合わせは [Email] まで', cvv: '••••••••', myNumber: '[My Number]' });
    const ja = await cliView('ja');
    expect(ja).toMatchObject({ email: 'お問い合わせは [メール] まで', myNumber: '[マイナンバー]' });
  });
});

describe('mask labels', () => {
  it('the English catalogue holds the core English labels, and Japanese has its own for every kind', () => {
    const en = maskLabelsFromMessages(messages('en'));
    const ja = maskLabelsFromMessages(messages('ja'));
    for (const kind of Object.keys(KIND_LABELS) as SensitiveKind[]) {
      expect(en(kind)).toBe(KIND_LABELS[kind]);
      expect(messages('ja')[`maskLabel_${kind}`]?.message).toBe(ja(kind));
    }
    expect(ja('email')).toBe('メール');
  });
});

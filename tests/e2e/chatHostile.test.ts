import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileListener, type HostileListener } from './support/hostileListener.ts';
import { startShieldSession, type ShieldSession } from './support/shieldSession.ts';

const BEACON = 'beacon.evil.test';
const B = `https://${BEACON}`;
const SET = 'window.__pwned=1';

/** Hostile content a customer controls. Each goes in as a plain message, a Markdown message, a display name and an attachment name. */
const PAYLOADS: readonly string[] = [
  `<script>${SET}</script>`,
  `<img src=x onerror="${SET}">`,
  `<img src="${B}/img">`,
  `<svg onload="${SET}"><circle r=1 /></svg>`,
  `<svg><script>${SET}</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${SET}">`,
  `<iframe src="javascript:${SET}"></iframe>`,
  `<iframe srcdoc="<script>parent.${SET}</script>"></iframe>`,
  `<a href="javascript:${SET}">click</a>`,
  `[click me](javascript:${SET})`,
  `[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)`,
  `[vb](vbscript:msgbox(1))`,
  `![beacon](${B}/markdown-image)`,
  `<style>@import url(${B}/style.css); body{background:url(${B}/bg)}</style>`,
  `<div style="background:url(${B}/inline-style)">x</div>`,
  `<link rel=stylesheet href="${B}/link.css">`,
  `<form action="${B}/form"><input name=a autofocus onfocus="${SET}"><button>go</button></form>`,
  `<details open ontoggle="${SET}">x</details>`,
  `<body onload="${SET}">`,
  `<noscript><p title="</noscript><img src=x onerror=${SET}>">`,
  `<svg><p><style><img src=x onerror="${SET}"></style></p></svg>`,
  `<form id=__pwned><input name=attributes></form><img name=getElementById>`,
  `<a id=__pwned href="${B}/clobber">clobber</a>`,
  `<object data="${B}/object"></object><embed src="${B}/embed">`,
  `<meta http-equiv="refresh" content="0;url=${B}/meta">`,
  `<base href="${B}/">`,
  `<video><source onerror="${SET}"></video>`,
  `<x onclick="${SET}">\`\`\`</x>`,
  `\`<img src=x onerror=${SET}>\``,
  `*<img src=x onerror=${SET}>*`,
  `[\u202Egpj.exe](https://help.example.com/ok)`,
  `[https://help.example.com\u200B.evil.example.net](https://evil.example.net/)`,
  `[ok](https://help.example.com.evil.example.net/)`,
  `[ok](https://user@help.example.com/)`,
  `<a href="&#106;avascript:${SET}">entity</a>`,
  `[entity](&#x6A;avascript:${SET})`,
  `<svg><a xlink:href="javascript:${SET}"><text>x</text></a></svg>`,
  `<template><script>${SET}</script></template>`,
  `javascript:${SET}`,
  `{{constructor.constructor('${SET}')()}}`,
];

describe('hostile chat content is inert in the real browser', () => {
  let session: ShieldSession;
  let beacon: HostileListener;
  let page: Page;

  beforeAll(async () => {
    beacon = await startHostileListener();
    session = await startShieldSession({
      extraHostRules: [`MAP ${BEACON} 127.0.0.1:${beacon.port}`, `MAP evil.example.net 127.0.0.1:${beacon.port}`],
      withPolicy: { approvedOrigins: ['https://help.example.com'] },
    });
  });
  afterAll(async () => {
    await page?.close();
    await session?.close();
    await beacon?.close();
  });

  it(`${PAYLOADS.length * 4} payloads in messages, Markdown, display names and attachment names: no dialog, no script, no CSP violation, no beacon`, async () => {
    expect(PAYLOADS.length * 4).toBeGreaterThanOrEqual(60);
    page = await session.openDesk();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.evaluate(() => {
      const record = window as unknown as { __csp: string[] };
      record.__csp = [];
      document.addEventListener('securitypolicyviolation', (event) => record.__csp.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const { control } = session.emulator;
    const chat = await control.addContact({ type: 'chat', customerName: 'Mallory' });
    const card = page.locator(`[data-testid=contact-card][data-contact-id="${chat}"]`);
    await card.getByTestId('accept').click();
    await expect.poll(() => card.getByTestId('chat').getAttribute('data-link')).toBe('connected');

    for (const [index, payload] of PAYLOADS.entries()) {
      await control.sendCustomerMessage(chat, { text: payload });
      await control.sendCustomerMessage(chat, {
        text: `# ${index}\n\n**${payload}** _x_ [t](https://help.example.com/${index})`,
        contentType: 'text/markdown',
      });
      await control.sendCustomerMessage(chat, { text: `hi ${index}`, displayName: payload });
      await control.sendCustomerAttachment(chat, { name: payload.slice(0, 200), contentType: 'application/pdf', text: 'x' });
    }
    const thread = card.getByTestId('chat');
    await expect.poll(() => thread.locator('[data-testid=chat-message]').count(), { timeout: 60_000 }).toBe(Math.min(PAYLOADS.length * 4, 60));
    await thread.getByTestId('chat-show-earlier').click();
    await thread.getByTestId('chat-show-earlier').click();
    await expect.poll(() => thread.locator('[data-testid=chat-message]').count()).toBe(PAYLOADS.length * 4);
    // A payload that fires does so asynchronously (a beacon, a deferred handler); there is no event
    // for "nothing happened", so the traps are read after a short grace period.
    await page.waitForTimeout(1000);

    // The messages only: the reply box is the shell's own form.
    const inThread = await thread.getByTestId('chat-messages').evaluate((root) => ({
      forbidden: root.querySelectorAll(
        'script, style, img, svg, math, iframe, object, embed, form, input, link, meta, base, video, template, details, noscript',
      ).length,
      handlers: [...root.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes].filter((attribute) => /^on/i.test(attribute.name) || attribute.name === 'style').map((attribute) => attribute.name),
      ),
      hrefs: [...root.querySelectorAll('a')].map((anchor) => anchor.getAttribute('href')),
      ids: [...root.querySelectorAll('[id], [name]')].map((element) => element.id || element.getAttribute('name')),
    }));
    expect(inThread.forbidden).toBe(0);
    expect(inThread.handlers).toEqual([]);
    expect(inThread.hrefs.every((href) => href !== null && href.startsWith('https://help.example.com/'))).toBe(true);
    expect(inThread.ids).toEqual([]);
    const traps = await page.evaluate(() => {
      const record = window as unknown as { __pwned?: unknown; __csp: string[] };
      return { pwned: record.__pwned ?? null, csp: record.__csp, clobbered: typeof (document as unknown as Record<string, unknown>)['__pwned'] };
    });
    expect(traps).toEqual({ pwned: null, csp: [], clobbered: 'undefined' });
    expect(dialogs).toEqual([]);
    expect(beacon.connections()).toBe(0);
    expect(beacon.requests()).toEqual([]);
    // Readable as text: the agent sees what was sent, not what it would have done.
    expect(await thread.textContent()).toContain('<script>');
  });
});

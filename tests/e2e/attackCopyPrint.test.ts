import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfTextRuns } from './support/pdfText.ts';
import { spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';

// Red-team round 5 (SECURITY.md): what the agent can take out of the desk by hand: select all and
// copy, print, drag a selection, and the keyboard. Amazon's panel stays mounted (hidden, `inert`)
// with the raw caller number and transcript in it, so each surface is attacked during a live call
// and chat whose raw values are in that frame. Test card number and test SSN only.

const CARD = '4111 1111 1111 1111';
const SSN = '123-45-6789';
const CALLER = '+1 213-373-4253';
const CHAT_TEXT = `my card ${CARD} and SSN ${SSN}`;
const RAW = [...spellings(CARD), ...spellings(SSN), ...spellings(CALLER), '2133734253', '373-4253'];
const rawIn = (text: string): string[] => RAW.filter((raw) => text.includes(raw));

describe('attack: copy, print, drag and keyboard in the real browser', () => {
  let session: ShieldSession;
  let page: Page;

  beforeAll(async () => {
    session = await startShieldSession();
    await session.shield.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await session.openDesk();
    const { control } = session.emulator;
    const voice = await control.addContact({ type: 'voice', caller: CALLER, attributes: { card: CARD, note: `SSN ${SSN}` } });
    await page.locator(`[data-contact-id="${voice}"] [data-testid=accept]`).click();
    const chat = await control.addContact({ type: 'chat', customerName: 'Mallory' });
    await page.locator(`[data-contact-id="${chat}"] [data-testid=accept]`).click();
    await page.locator(`[data-contact-id="${chat}"][data-phase=connected]`).waitFor();
    await control.sendCustomerMessage(chat, { text: CHAT_TEXT });
    await page.locator('[data-testid=chat-message] .chat-text').waitFor();
    // The premise: Amazon's panel in the desk holds the raw number and the raw message.
    const ccp = page.frames().find((frame) => frame.url().includes('/ccp-v2'));
    const inFrame = (await ccp?.evaluate(() => document.body.innerText)) ?? '';
    expect(inFrame).toContain(CALLER);
    expect(inFrame).toContain(CHAT_TEXT);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('select all and copy put no raw value on the clipboard, in the copy event or in the selection', async () => {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      const copied: string[] = [];
      (globalThis as { copied?: string[] }).copied = copied;
      document.addEventListener('copy', () => {
        // What the browser serializes after this event: the selection, as text and as markup.
        const selection = document.getSelection();
        const holder = document.createElement('div');
        for (let i = 0; i < (selection?.rangeCount ?? 0); i++) holder.append(selection?.getRangeAt(i).cloneContents() ?? '');
        copied.push(selection?.toString() ?? '', holder.innerHTML);
      });
    });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const result = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const html = await Promise.all(items.filter((item) => item.types.includes('text/html')).map(async (item) => (await item.getType('text/html')).text()));
      const inEvent = (globalThis as { copied?: string[] }).copied ?? [];
      document.getSelection()?.selectAllChildren(document.body);
      const selected = document.getSelection()?.toString() ?? '';
      document.getSelection()?.removeAllRanges();
      return { text: await navigator.clipboard.readText(), html: html.join('\n'), inEvent: inEvent.join('\n'), selected };
    });
    // Something was copied (the masked message), so the checks below read real content.
    expect(result.text).toContain('••••');
    expect(result.html).toContain('••••');
    expect(result.inEvent).toContain('••••');
    expect(result.selected).toContain('••••');
    expect(Object.entries(result).flatMap(([where, text]) => rawIn(text).map((raw) => `${where}: ${raw}`))).toEqual([]);
  });

  it('print media keeps the CCP frame unpainted and prints no raw value', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const printed = await page.evaluate(() => {
        const container = document.querySelector<HTMLElement>('[data-testid=ccp-container]');
        const style = container ? getComputedStyle(container) : null;
        return {
          matchesPrint: matchMedia('print').matches,
          clipped: style?.clipPath === 'inset(50%)',
          transparent: style?.opacity === '0',
          text: document.body.innerText,
        };
      });
      // Soft: a frame left visible fails every check below, not only the first.
      expect.soft(printed).toMatchObject({ matchesPrint: true, clipped: true, transparent: true });
      expect.soft(printed.text).toContain('••••');
      expect.soft(rawIn(printed.text)).toEqual([]);
      // Drawn in print media, the frame adds no pixel: the same shot with the frame made invisible.
      const shoot = () =>
        page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide', mask: [page.getByTestId('contact-timer'), page.getByTestId('state-timer')] });
      const frame = page.locator('[data-testid=ccp-container] iframe');
      const asIs = await shoot();
      await frame.evaluate((element) => element.style.setProperty('visibility', 'hidden'));
      const withoutFrame = await shoot();
      await frame.evaluate((element) => element.style.removeProperty('visibility'));
      expect.soft(asIs.equals(withoutFrame)).toBe(true);
    } finally {
      await page.emulateMedia({ media: null });
    }
    // The real print path (headless only): the PDF's text runs hold the masked values, no raw one.
    const pdf = await page.pdf();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const runs = pdfTextRuns(pdf);
    expect.soft(runs).toContain('•••• 4253');
    expect.soft(rawIn(`${runs.join('\n')}\n${runs.join('')}`)).toEqual([]);
  });

  it('a selection dragged from the chat into a text field carries no raw value', async () => {
    const dragged = await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as { dragged?: string[] }).dragged = seen;
      document.addEventListener('dragstart', (event) =>
        seen.push(event.dataTransfer?.getData('text/plain') ?? '', event.dataTransfer?.getData('text/html') ?? ''),
      );
      const target = document.createElement('textarea');
      target.dataset.testid = 'drop-target';
      document.body.prepend(target);
      const text = document.querySelector('[data-testid=chat-message] .chat-text');
      if (text) document.getSelection()?.selectAllChildren(text);
      return document.getSelection()?.toString() ?? '';
    });
    expect(dragged).toContain('••••');
    await page.dragAndDrop('[data-testid=chat-message] .chat-text', '[data-testid=drop-target]');
    const dropped = await page.getByTestId('drop-target').inputValue();
    const inDragStart = await page.evaluate(() => ((globalThis as { dragged?: string[] }).dragged ?? []).join('\n'));
    expect(dropped).toContain('••••');
    expect(inDragStart).toContain('••••');
    expect([...rawIn(dropped).map((raw) => `dropped: ${raw}`), ...rawIn(inDragStart).map((raw) => `dragstart: ${raw}`)]).toEqual([]);
    await page.getByTestId('drop-target').evaluate((element) => element.remove());
  });

  it('Tab through the whole desk never lands in the CCP frame', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const stops = await page.evaluate(() => document.querySelectorAll('button, input, select, textarea, a[href], [tabindex]').length);
    const landed: string[] = [];
    for (let i = 0; i < stops + 5; i++) {
      await page.keyboard.press('Tab');
      landed.push(
        await page.evaluate(() => {
          const active = document.activeElement;
          return `${active?.tagName ?? 'none'}${active?.closest('[data-testid=ccp-container]') ? ' in CCP frame' : ''}`;
        }),
      );
    }
    // The walk reached the desk's controls, and none of them was the frame or inside it.
    expect(landed).toContain('BUTTON');
    expect(landed.filter((stop) => stop.includes('CCP'))).toEqual([]);
    const ccp = page.frames().find((frame) => frame.url().includes('/ccp-v2'));
    expect(await ccp?.evaluate(() => document.hasFocus())).toBe(false);
  });
});

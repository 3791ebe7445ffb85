import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { PageText } from './PreviewReport.ts';

/** The visible text of every open extension page (shell, side panel, options …), in opening order. */
export async function extensionPageTexts(context: BrowserContext, extensionOrigin: string): Promise<PageText[]> {
  const pages = context.pages().filter((page) => page.url().startsWith(`${extensionOrigin}/`));
  return Promise.all(
    pages.map(async (page) => ({
      url: page.url(),
      // A page that is closing or navigating has no text to offer; that is what the agent sees too.
      text: await page.evaluate(() => document.body.innerText).catch(() => ''),
    })),
  );
}

/** A full-page PNG of the shell; returns the file name relative to the output directory. */
export async function screenshot(page: Page, outDir: string, fileName: string): Promise<string> {
  await page.screenshot({ path: join(outDir, fileName), fullPage: true });
  return fileName;
}

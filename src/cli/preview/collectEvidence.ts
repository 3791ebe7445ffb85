import type { BrowserContext } from 'playwright-core';
import type { CspViolation, DialogEntry } from './PreviewReport.ts';
import { readPageStorage, readXssMarkers, type PageStorage, type XssMarker } from './readPageStorage.ts';

/** The classic signs of injected script, as a security team's test record reads them. */
export interface XssSummary {
  /** True when any sign below is there. */
  fired: boolean;
  /** Documents where `window.__xss` (what test payloads set) was set. */
  windowXss: XssMarker[];
  /** Dialogs opened by any page (alert, confirm, prompt; all dismissed). */
  dialogs: number;
  /** Scripts the CSP refused (inline, a handler, a foreign source): what an injection attempt looks like; a refused eval, frame or fetch is not one. */
  scriptViolations: number;
}

/** What the preview reads from the browser at the end, besides `chrome.storage`: page storage and the XSS signs. */
export async function collectEvidence(
  context: BrowserContext,
  extensionOrigin: string,
  seen: { dialogs: readonly DialogEntry[]; cspViolations: readonly CspViolation[] },
): Promise<{ pages: PageStorage[]; xss: XssSummary }> {
  const pages = await readPageStorage(context, extensionOrigin);
  const windowXss = await readXssMarkers(context, extensionOrigin);
  // A refused eval is a library probing what the page allows (it runs no text from a message); an
  // injected payload shows up as a refused inline script, handler or foreign script source.
  const scriptViolations = seen.cspViolations.filter(
    (violation) => violation.directive.startsWith('script-src') && violation.blocked !== 'eval' && violation.blocked !== 'wasm-eval',
  ).length;
  return {
    pages,
    xss: { fired: windowXss.length > 0 || seen.dialogs.length > 0 || scriptViolations > 0, windowXss, dialogs: seen.dialogs.length, scriptViolations },
  };
}

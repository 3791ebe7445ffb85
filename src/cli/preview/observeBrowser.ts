import type { BrowserContext, ConsoleMessage, Dialog } from 'playwright-core';
import type { ConsoleEntry, CspViolation, DialogEntry } from './PreviewReport.ts';

export interface BrowserObservations {
  console: ConsoleEntry[];
  dialogs: DialogEntry[];
  /** Violations seen as events, plus console lines about CSP from documents that raised no event (e.g. the service worker). */
  cspViolations(): CspViolation[];
}

const BINDING = '__connectShieldPreviewCspViolation';
const MAX_TEXT = 2000;

interface ViolationEvent {
  directive: string;
  blocked: string;
  sourceFile: string;
  line: number;
}

/**
 * Listens to everything the extension says or does outside the DOM: console output of every page
 * and of the service worker, dialogs (dismissed, so a run never hangs), and CSP violations.
 * Playwright's init scripts do reach chrome-extension:// pages, so a `securitypolicyviolation`
 * listener is installed in every document before its own scripts run.
 */
export async function observeBrowser(context: BrowserContext): Promise<BrowserObservations> {
  const consoleEntries: ConsoleEntry[] = [];
  const dialogs: DialogEntry[] = [];
  const fromEvents: CspViolation[] = [];
  const fromConsole: CspViolation[] = [];

  context.on('console', (message: ConsoleMessage) => {
    const worker = message.worker();
    const url = message.location().url || (worker ? worker.url() : (message.page()?.url() ?? ''));
    const text = truncate(message.text());
    consoleEntries.push({ source: worker ? 'worker' : 'page', url, level: message.type(), text });
    if (/Content Security Policy/i.test(text)) {
      fromConsole.push({
        url,
        directive: directiveIn(text),
        blocked: '',
        sourceFile: message.location().url,
        line: message.location().lineNumber,
        seenBy: 'console',
      });
    }
  });
  context.on('dialog', (dialog: Dialog) => {
    dialogs.push({ url: dialog.page()?.url() ?? '', kind: dialog.type(), message: truncate(dialog.message()) });
    dialog.dismiss().catch(() => undefined);
  });
  await context.exposeBinding(BINDING, (source, event: unknown) => {
    if (!isViolationEvent(event)) return;
    fromEvents.push({ url: source.frame.url(), ...event, seenBy: 'event' });
  });
  await context.addInitScript((binding: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, unknown>)[binding];
      if (typeof report !== 'function') return;
      (report as (violation: unknown) => void)({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sourceFile: event.sourceFile,
        line: event.lineNumber,
      });
    });
  }, BINDING);

  return {
    console: consoleEntries,
    dialogs,
    cspViolations() {
      const documentsWithEvents = new Set(fromEvents.map((violation) => violation.url));
      return [...fromEvents, ...fromConsole.filter((violation) => !documentsWithEvents.has(violation.url))];
    },
  };
}

function isViolationEvent(value: unknown): value is ViolationEvent {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['directive'] === 'string' &&
    typeof record['blocked'] === 'string' &&
    typeof record['sourceFile'] === 'string' &&
    typeof record['line'] === 'number'
  );
}

function directiveIn(text: string): string {
  return /directive:?\s*"?'?([a-z-]+)/i.exec(text)?.[1] ?? '';
}

function truncate(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${String(text.length - MAX_TEXT)} more characters)` : text;
}

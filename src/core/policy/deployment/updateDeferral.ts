import type { ContactPhase } from '../../contact/ContactView.ts';

/**
 * Chrome reloads an extension as soon as an update is installed, which tears down the CCP frame
 * and the softphone. The worker listens for `runtime.onUpdateAvailable` (so the update waits) and
 * reloads only when no page of this browser has a live contact. Pages report their live contacts
 * while they have any; a page that vanished without saying so (closed, crashed) stops counting
 * once its report is older than REPORT_LIFETIME_MS, so one lost tab cannot hold an update forever.
 */

/** How often a page with a live contact repeats its report; each report also keeps the worker awake. */
export const LIVE_REPORT_INTERVAL_MS = 20_000;

/** A report older than this no longer counts (three missed repeats). */
export const REPORT_LIFETIME_MS = 3 * LIVE_REPORT_INTERVAL_MS;

/** Phases in which a reload would drop the agent's work: ringing, talking, on hold, and wrap-up (after-contact work). */
const LIVE_PHASES: ReadonlySet<ContactPhase> = new Set(['incoming', 'connecting', 'connected', 'on_hold', 'after_contact_work']);

export function liveContactCount(phases: readonly ContactPhase[]): number {
  return phases.filter((phase) => LIVE_PHASES.has(phase)).length;
}

export interface LiveReport {
  live: number;
  /** Milliseconds since epoch when the worker received it. */
  at: number;
}

/** The reports after one page's new one (a page with nothing live is forgotten). */
export function withReport(reports: ReadonlyMap<string, LiveReport>, page: string, report: LiveReport): Map<string, LiveReport> {
  const next = new Map(reports);
  if (report.live > 0) next.set(page, report);
  else next.delete(page);
  return next;
}

/** Whether a pending update may be applied now: no page has reported a live contact recently. */
export function mayApplyUpdate(reports: ReadonlyMap<string, LiveReport>, now: number): boolean {
  for (const report of reports.values()) {
    if (report.live > 0 && now - report.at < REPORT_LIFETIME_MS) return false;
  }
  return true;
}

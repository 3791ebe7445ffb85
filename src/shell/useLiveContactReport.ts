import { useEffect } from 'react';
import type { ContactView } from '../core/contact/ContactView.ts';
import { LIVE_REPORT_INTERVAL_MS, liveContactCount } from '../core/policy/deployment/updateDeferral.ts';
import { callWorker } from '../platform/callWorker.ts';

/** One id per page load: the worker keeps one report per page. */
const PAGE_ID = crypto.randomUUID();

/**
 * Tells the worker how many of this desk's contacts are live, on every change and again every
 * LIVE_REPORT_INTERVAL_MS while any is, so that an extension update waits for the call to end.
 */
export function useLiveContactReport(contacts: readonly ContactView[]): void {
  const live = liveContactCount(contacts.map((contact) => contact.phase));
  useEffect(() => {
    const report = () => void callWorker('contacts.liveReport', { page: PAGE_ID, live });
    report();
    if (live === 0) return undefined;
    const timer = setInterval(report, LIVE_REPORT_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [live]);
}

import { mayApplyUpdate, withReport, type LiveReport } from '../core/policy/deployment/updateDeferral.ts';

/**
 * Holds an extension update while a contact is live. Listening to `runtime.onUpdateAvailable`
 * is what makes Chrome wait instead of reloading at once; the pages' reports (repeated while a
 * contact is live) also keep this worker awake, so the update is applied here, by `reload()`,
 * once the last live contact ends — or, if every page is gone, when the worker goes idle.
 * The reports live in memory on purpose: a worker that stopped had no live page keeping it up.
 */
export function startUpdateDeferral(): {
  report(page: string, live: number): void;
  /** Whether a desk of this browser reported a live contact recently (switching instance waits for none). */
  contactLive(): boolean;
} {
  let reports = new Map<string, LiveReport>();
  let pendingVersion: string | null = null;
  const applyIfQuiet = (): void => {
    if (pendingVersion !== null && mayApplyUpdate(reports, Date.now())) chrome.runtime.reload();
  };
  chrome.runtime.onUpdateAvailable.addListener((details) => {
    pendingVersion = details.version;
    applyIfQuiet();
  });
  return {
    report(page, live) {
      reports = withReport(reports, page, { live, at: Date.now() });
      applyIfQuiet();
    },
    contactLive: () => !mayApplyUpdate(reports, Date.now()),
  };
}

/** The start-up steps a woken worker marks on its own performance timeline, in the order they happen. */
export type StartupStep =
  | 'evaluated'
  | 'migrated'
  | 'sources-read'
  | 'regex-safety'
  | 'verdict'
  | 'rules-kept'
  | 'rules-unchanged'
  | 'rules-installed'
  | 'published'
  | 'ready'
  | 'answered';

let marking = true;

/**
 * Marks one step of the first start-up only (a policy change later adds nothing): where the time
 * to a woken worker's first answer goes, read by `bench/profileWorkerStartup.ts` through DevTools.
 * A mark holds a name and a time, nothing from storage or the policy.
 */
export function markStartup(step: StartupStep): void {
  if (!marking) return;
  performance.mark(`startup:${step}`);
  if (step === 'answered') marking = false;
}

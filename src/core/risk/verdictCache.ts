import type { CallerRisk } from './CallerRisk.ts';

/**
 * Verdicts already given, by contact id: a page that reloads (or a second window) asking about a
 * contact again gets the same verdict, with nothing counted or audited twice. No numbers in here.
 */
export type VerdictCache = Readonly<Record<string, { at: number; risk: CallerRisk }>>;

const KEEP_MS = 24 * 60 * 60_000;
const MAX_VERDICTS = 500;

export function rememberVerdict(cache: VerdictCache, contactId: string, risk: CallerRisk, now: number): Record<string, { at: number; risk: CallerRisk }> {
  const kept = Object.entries(cache)
    .filter(([, entry]) => entry.at > now - KEEP_MS && entry.at <= now)
    .slice(-(MAX_VERDICTS - 1));
  return Object.fromEntries([...kept, [contactId, { at: now, risk }]]);
}

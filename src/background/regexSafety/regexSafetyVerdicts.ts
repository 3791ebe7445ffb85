import { readRegexSafetyReply, regexSafetyRequest } from '../../core/messaging/regexSafetyMessages.ts';
import { POLICY_REGEX_FLAGS, type RegexSafetyCheck, type RegexSafetyVerdict } from '../../core/policy/regexSafety.ts';
import { cachedRegexSafety, readRegexSafetyCache, type RegexSafetyCache } from '../../core/policy/regexSafetyCache.ts';
import { STORAGE_KEYS } from '../../core/storage/storageKeys.ts';

const CACHE_KEY = STORAGE_KEYS.local.regexSafetyVerdicts;
const DOCUMENT_PATH = 'src/background/regexSafety/regexSafety.html';

let queue: Promise<unknown> = Promise.resolve();

/**
 * The regex-safety check for a policy naming `sources`: kept verdicts for patterns seen before
 * (a woken worker analyses nothing), and for new ones an analysis in the offscreen document,
 * whose verdicts are kept for next time. A pattern the document could not analyse (no document,
 * no answer) has no verdict and counts as unsafe, so the policy fails closed; it is asked again
 * at the next policy read.
 */
export function regexSafetyFor(sources: readonly string[], localRead?: Record<string, unknown>): Promise<RegexSafetyCheck> {
  const next = queue.then(
    () => verdictsFor(sources, localRead),
    () => verdictsFor(sources, localRead),
  );
  queue = next;
  return next;
}

/** `localRead`: local storage already read with the verdicts' key in it (the worker's start-up read). */
async function verdictsFor(sources: readonly string[], localRead?: Record<string, unknown>): Promise<RegexSafetyCheck> {
  const stored: Record<string, unknown> = localRead ?? (await chrome.storage.local.get(CACHE_KEY));
  const cache = readRegexSafetyCache(stored[CACHE_KEY]);
  const unique = [...new Set(sources)];
  const keys = new Map(await Promise.all(unique.map(async (source) => [source, await patternKey(source)] as const)));
  // The policy's own patterns, under the flags policies run with: any other pattern has no key, so no verdict (unsafe).
  const keyOf = (source: string, flags: string): string | undefined => (flags === POLICY_REGEX_FLAGS ? keys.get(source) : undefined);
  const missing = unique.filter((source) => cache.verdicts[keys.get(source) ?? ''] === undefined);
  if (missing.length === 0) return cachedRegexSafety(cache, keyOf);
  const analysed = await analyseOffscreen(missing).catch(() => null);
  if (analysed === null) return cachedRegexSafety(cache, keyOf);
  // Only the patterns of the current policy are kept: the record stays as small as the policy.
  const current = new Set(keys.values());
  const verdicts: Record<string, RegexSafetyVerdict> = {};
  for (const [key, verdict] of Object.entries(cache.verdicts)) if (current.has(key)) verdicts[key] = verdict;
  missing.forEach((source, index) => {
    const verdict = analysed[index];
    const key = keys.get(source);
    if (verdict !== undefined && key !== undefined) verdicts[key] = verdict;
  });
  const updated: RegexSafetyCache = { analyser: cache.analyser, verdicts };
  await chrome.storage.local.set({ [CACHE_KEY]: updated });
  return cachedRegexSafety(updated, keyOf);
}

/**
 * `regexPatternKey(source, POLICY_REGEX_FLAGS)` through `crypto.subtle` (the same SHA-256, so kept
 * verdicts carry over): a first call of the library's hash cost the woken worker about as much as
 * the rest of this step (it was still cold).
 */
async function patternKey(source: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${POLICY_REGEX_FLAGS}/${source}`));
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function analyseOffscreen(sources: string[]): Promise<RegexSafetyVerdict[] | null> {
  const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
  if (existing.length === 0) {
    await chrome.offscreen.createDocument({
      url: DOCUMENT_PATH,
      reasons: [chrome.offscreen.Reason.WORKERS],
      justification: 'Analyses custom masking patterns for catastrophic backtracking in a worker, off the service worker start-up path.',
    });
  }
  try {
    // The document's module script may still be loading when createDocument resolves: ask again briefly.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      try {
        return readRegexSafetyReply(await chrome.runtime.sendMessage(regexSafetyRequest(sources, POLICY_REGEX_FLAGS)), sources.length);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    return null;
  } finally {
    await chrome.offscreen.closeDocument().catch(() => undefined);
  }
}

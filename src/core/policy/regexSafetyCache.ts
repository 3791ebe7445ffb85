import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { RegexSafetyCheck, RegexSafetyVerdict } from './regexSafety.ts';

/**
 * The service worker does not carry the ReDoS analyser (2.9 MB it would parse at every wake-up):
 * custom patterns are analysed elsewhere when a policy names new ones, and the verdicts are kept
 * here, keyed by a hash of flags and source. A woken worker reads them instead of analysing again.
 *
 * The analyser's name is part of the record: a new analyser (or version) starts from nothing.
 */
export const REGEX_ANALYSER = 'recheck 4.5.0';

export interface RegexSafetyCache {
  analyser: string;
  /** Hash of `flags/source` → verdict. */
  verdicts: Record<string, RegexSafetyVerdict>;
}

/** What a pattern without a verdict counts as: unsafe. An unanalysed pattern never runs. */
const UNANALYSED: RegexSafetyVerdict = { safe: false, reason: 'its running time has not been analysed yet' };

export function regexPatternKey(source: string, flags: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${flags}/${source}`)));
}

/** The stored cache, read leniently: anything malformed, or from another analyser, is no verdict at all. */
export function readRegexSafetyCache(value: unknown): RegexSafetyCache {
  const empty: RegexSafetyCache = { analyser: REGEX_ANALYSER, verdicts: {} };
  if (typeof value !== 'object' || value === null) return empty;
  const { analyser, verdicts } = value as Record<string, unknown>;
  if (analyser !== REGEX_ANALYSER || typeof verdicts !== 'object' || verdicts === null) return empty;
  const kept: Record<string, RegexSafetyVerdict> = {};
  for (const [key, verdict] of Object.entries(verdicts as Record<string, unknown>)) {
    if (!/^[0-9a-f]{64}$/.test(key) || typeof verdict !== 'object' || verdict === null) continue;
    const { safe, reason } = verdict as Record<string, unknown>;
    if (safe === true) kept[key] = { safe: true };
    else if (safe === false && typeof reason === 'string') kept[key] = { safe: false, reason: reason.slice(0, 200) };
  }
  return { analyser: REGEX_ANALYSER, verdicts: kept };
}

/**
 * The check the policy validation runs with: the kept verdict, or unsafe when there is none.
 * `keyOf`: the pattern's key, when the caller has the keys already (the worker hashes its policy's
 * patterns with `crypto.subtle`, asynchronously, before validating); a pattern it has no key for is unsafe.
 */
export function cachedRegexSafety(cache: RegexSafetyCache, keyOf: (source: string, flags: string) => string | undefined = regexPatternKey): RegexSafetyCheck {
  return (source, flags) => {
    const key = keyOf(source, flags);
    return (key === undefined ? undefined : cache.verdicts[key]) ?? UNANALYSED;
  };
}

/** The custom pattern sources a policy document (managed or local, unvalidated) names. */
export function patternSourcesOf(document: unknown): string[] {
  if (typeof document !== 'object' || document === null) return [];
  const masking = (document as Record<string, unknown>)['masking'];
  if (typeof masking !== 'object' || masking === null) return [];
  const patterns = (masking as Record<string, unknown>)['patterns'];
  if (!Array.isArray(patterns)) return [];
  return patterns.flatMap((pattern: unknown) => {
    const regex = typeof pattern === 'object' && pattern !== null ? (pattern as Record<string, unknown>)['regex'] : undefined;
    return typeof regex === 'string' && regex !== '' ? [regex] : [];
  });
}

/**
 * Custom masking patterns are ECMAScript regular expressions compiled with these flags — `u` so
 * that `\d`, `.` and character classes behave the same on Japanese text and emoji as on ASCII,
 * and so that sloppy escapes (`\_`, `\-` outside a class) are syntax errors instead of silently
 * meaning something else. Add `g` when scanning; never drop `u`.
 */
export const POLICY_REGEX_FLAGS = 'u';

/** The verdict of a ReDoS analysis of one pattern. */
export type RegexSafetyVerdict =
  | { safe: true }
  /** `reason` is a plain sentence, e.g. "it can take exponential time on some inputs". */
  | { safe: false; reason: string };

/**
 * Decides whether a pattern can backtrack catastrophically. Injected rather than imported because
 * the analyser (`recheck`) is 2.9 MB of JavaScript: the CLI passes `checkRegexSafety` from
 * `recheckRegexSafety.ts`; the service worker passes kept verdicts (`regexSafetyCache.ts`), the
 * analysis itself running in an offscreen document when a policy names a new pattern.
 */
export type RegexSafetyCheck = (source: string, flags: string) => RegexSafetyVerdict;

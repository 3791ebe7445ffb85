import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../../src/core/policy/validatePolicy.ts';
import { POLICY_REGEX_FLAGS } from '../../../src/core/policy/regexSafety.ts';
import { cachedRegexSafety, patternSourcesOf, readRegexSafetyCache, REGEX_ANALYSER, regexPatternKey } from '../../../src/core/policy/regexSafetyCache.ts';

const POLICY = (regex: string) => ({
  instance: { ccpUrl: 'https://example.my.connect.aws/ccp-v2', region: 'us-west-2' },
  masking: { patterns: [{ name: 'Member ID', regex }] },
});

describe('kept regex-safety verdicts (the worker carries no analyser)', () => {
  it('refuses a policy whose pattern has no kept verdict: an unanalysed pattern never runs', () => {
    const result = validatePolicy(POLICY('MEM-[0-9]{8}'), { regexSafety: cachedRegexSafety(readRegexSafetyCache(undefined)) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { pointer: '/masking/patterns/0/regex', message: expect.stringContaining('has not been analysed yet') as unknown },
    ]);
  });

  it('accepts the pattern once a safe verdict is kept for it, and refuses it with the kept reason when unsafe', () => {
    const key = regexPatternKey('MEM-[0-9]{8}', POLICY_REGEX_FLAGS);
    const safe = readRegexSafetyCache({ analyser: REGEX_ANALYSER, verdicts: { [key]: { safe: true } } });
    expect(validatePolicy(POLICY('MEM-[0-9]{8}'), { regexSafety: cachedRegexSafety(safe) }).ok).toBe(true);
    const unsafe = readRegexSafetyCache({
      analyser: REGEX_ANALYSER,
      verdicts: { [key]: { safe: false, reason: 'it can take exponential time on some inputs' } },
    });
    const result = validatePolicy(POLICY('MEM-[0-9]{8}'), { regexSafety: cachedRegexSafety(unsafe) });
    expect(!result.ok && result.errors[0]?.message).toContain('exponential time');
  });

  it('keys a verdict to the exact pattern: a kept verdict for one pattern says nothing about another', () => {
    const cache = readRegexSafetyCache({ analyser: REGEX_ANALYSER, verdicts: { [regexPatternKey('MEM-[0-9]{8}', POLICY_REGEX_FLAGS)]: { safe: true } } });
    expect(cachedRegexSafety(cache)('(a+)+$', POLICY_REGEX_FLAGS).safe).toBe(false);
    expect(cachedRegexSafety(cache)('MEM-[0-9]{8}', 'i').safe).toBe(false);
  });

  it('drops verdicts of another analyser version and malformed entries', () => {
    const key = regexPatternKey('MEM-[0-9]{8}', POLICY_REGEX_FLAGS);
    expect(readRegexSafetyCache({ analyser: 'recheck 4.4.0', verdicts: { [key]: { safe: true } } }).verdicts).toEqual({});
    expect(readRegexSafetyCache({ analyser: REGEX_ANALYSER, verdicts: { [key]: { safe: 'yes' }, short: { safe: true } } }).verdicts).toEqual({});
  });

  it('reads the pattern sources of an unvalidated managed or local document', () => {
    expect(patternSourcesOf(POLICY('A[0-9]+'))).toEqual(['A[0-9]+']);
    expect(patternSourcesOf({ masking: { patterns: [{ regex: 3 }, null, { regex: '' }] } })).toEqual([]);
    expect(patternSourcesOf(undefined)).toEqual([]);
  });
});

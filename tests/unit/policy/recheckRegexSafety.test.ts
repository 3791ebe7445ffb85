import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';

describe('checkRegexSafety', () => {
  it.each(['\\bMB-[0-9]{8}\\b', '(?<![0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9])', 'PN[0-9]{10}'])('finds %s safe', (source) => {
    expect(checkRegexSafety(source, 'u')).toEqual({ safe: true });
  });

  it.each([
    ['(a+)+$', /exponential/],
    ['^(\\w+\\s?)*$', /exponential/],
    ['.*a.*b.*c', /polynomial/],
  ])('refuses %s', (source, reason) => {
    const verdict = checkRegexSafety(source, 'u');
    expect(verdict.safe).toBe(false);
    if (!verdict.safe) expect(verdict.reason).toMatch(reason);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { POLICY_REGEX_FLAGS } from '../../../src/core/policy/regexSafety.ts';
import { REGEX_ANALYSER, regexPatternKey } from '../../../src/core/policy/regexSafetyCache.ts';
import { STORAGE_KEYS } from '../../../src/core/storage/storageKeys.ts';
import { installFakeChrome } from './fakeChrome.ts';

const { regexSafetyFor } = await import('../../../src/background/regexSafety/regexSafetyVerdicts.ts');

beforeEach(() => {
  installFakeChrome();
});

describe('the worker’s regex-safety verdicts', () => {
  it('finds verdicts kept under the core’s pattern key (the worker hashes with crypto.subtle), and nothing for other flags or patterns', async () => {
    const safe = 'MEM-[0-9]{8}';
    const unsafe = '(a+)+$';
    const localRead = {
      [STORAGE_KEYS.local.regexSafetyVerdicts]: {
        analyser: REGEX_ANALYSER,
        verdicts: {
          [regexPatternKey(safe, POLICY_REGEX_FLAGS)]: { safe: true },
          [regexPatternKey(unsafe, POLICY_REGEX_FLAGS)]: { safe: false, reason: 'exponential backtracking' },
        },
      },
    };
    const check = await regexSafetyFor([safe, unsafe, safe], localRead);
    expect(check(safe, POLICY_REGEX_FLAGS)).toEqual({ safe: true });
    expect(check(unsafe, POLICY_REGEX_FLAGS)).toEqual({ safe: false, reason: 'exponential backtracking' });
    // Not a pattern of this policy, or not under the policy flags: no verdict, so unsafe.
    expect(check(safe, 'i').safe).toBe(false);
    expect(check('MEM-[0-9]{9}', POLICY_REGEX_FLAGS).safe).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { checkExtensionVersion } from '../../../src/core/policy/deployment/checkExtensionVersion.ts';

describe('checkExtensionVersion', () => {
  it('accepts what Chrome accepts', () => {
    for (const version of ['1', '0.1.0', '1.4.2.65535', '10.0.0.0']) expect(checkExtensionVersion(version)).toBeUndefined();
  });
  it('refuses what Chrome refuses, with a sentence', () => {
    for (const version of ['', '1.', '01.2', '1.2.3.4.5', '1.65536', 'v1.2', '1.2-beta', '1..2']) {
      expect(checkExtensionVersion(version)).toMatch(/is not an extension version/);
    }
  });
});

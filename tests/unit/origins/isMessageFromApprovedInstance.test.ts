import { describe, expect, it } from 'vitest';
import { isMessageFromApprovedInstance } from '../../../src/core/origins/isMessageFromApprovedInstance.ts';

const INSTANCE = 'https://shield-demo.my.connect.aws';

describe('isMessageFromApprovedInstance', () => {
  it('accepts the exact instance origin', () => {
    expect(isMessageFromApprovedInstance(INSTANCE, INSTANCE)).toBe(true);
    expect(isMessageFromApprovedInstance(INSTANCE, 'https://shield-demo.my.connect.aws/ccp-v2/')).toBe(true);
    expect(isMessageFromApprovedInstance(INSTANCE, 'HTTPS://Shield-Demo.my.connect.aws:443')).toBe(true);
  });

  it.each([
    'null',
    '',
    'https://evil.test',
    'https://shield-demo.my.connect.aws.evil.test',
    'https://x.shield-demo.my.connect.aws',
    'http://shield-demo.my.connect.aws',
    'https://shield-demo.my.connect.aws:8443',
    'https://shield-demo.my.connect.aws/',
    'HTTPS://SHIELD-DEMO.MY.CONNECT.AWS',
    'https://shield-demo.my.connect.aws:443',
    ' https://shield-demo.my.connect.aws',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  ])('refuses event origin %j', (eventOrigin) => {
    expect(isMessageFromApprovedInstance(eventOrigin, INSTANCE)).toBe(false);
  });

  it('refuses everything when the approved origin is not usable', () => {
    expect(isMessageFromApprovedInstance('null', 'null')).toBe(false);
    expect(isMessageFromApprovedInstance('http://shield-demo.my.connect.aws', 'http://shield-demo.my.connect.aws')).toBe(false);
    expect(isMessageFromApprovedInstance(INSTANCE, '')).toBe(false);
  });
});

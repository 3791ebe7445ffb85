import { describe, expect, it } from 'vitest';
import { pinConduitOrigin } from '../../../src/connect/pinConduitOrigin.ts';

describe('pinConduitOrigin', () => {
  it('sets the target origin of the Streams iframe stream to the instance origin', () => {
    const stream = { domain: '*', send: () => undefined };
    expect(pinConduitOrigin({ getUpstream: () => ({ upstream: stream }) }, 'https://shield-demo.my.connect.aws/ccp-v2')).toBe(true);
    expect(stream.domain).toBe('https://shield-demo.my.connect.aws');
  });

  it('changes nothing when the shape is not the one Streams 2.28 has', () => {
    const pinned = { domain: 'https://other.example', send: () => undefined };
    expect(pinConduitOrigin({ getUpstream: () => ({ upstream: pinned }) }, 'https://a.my.connect.aws')).toBe(false);
    expect(pinned.domain).toBe('https://other.example');
    expect(pinConduitOrigin({}, 'https://a.my.connect.aws')).toBe(false);
    expect(pinConduitOrigin({ getUpstream: () => null }, 'https://a.my.connect.aws')).toBe(false);
    expect(
      pinConduitOrigin(
        {
          getUpstream: () => {
            throw new Error('not initialised');
          },
        },
        'https://a.my.connect.aws',
      ),
    ).toBe(false);
  });
});

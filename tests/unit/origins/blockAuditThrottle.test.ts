import { describe, expect, it } from 'vitest';
import { createBlockAuditThrottle } from '../../../src/core/origins/blockAuditThrottle.ts';

describe('createBlockAuditThrottle', () => {
  it('audits once per origin and kind per window', () => {
    const throttle = createBlockAuditThrottle(60_000);
    expect(throttle.shouldAudit('https://evil.test', 'fetch', 0)).toBe(true);
    expect(throttle.shouldAudit('https://evil.test', 'fetch', 59_999)).toBe(false);
    expect(throttle.shouldAudit('https://evil.test', 'frame', 1)).toBe(true);
    expect(throttle.shouldAudit('https://other.test', 'fetch', 2)).toBe(true);
    expect(throttle.shouldAudit('https://evil.test', 'fetch', 60_000)).toBe(true);
    expect(throttle.shouldAudit('https://evil.test', 'fetch', 60_001)).toBe(false);
  });

  it('does not confuse keys that concatenate alike', () => {
    const throttle = createBlockAuditThrottle();
    expect(throttle.shouldAudit('ab', 'c', 0)).toBe(true);
    expect(throttle.shouldAudit('a', 'bc', 0)).toBe(true);
  });

  it('forgets keys older than the window', () => {
    const throttle = createBlockAuditThrottle(1_000);
    for (let i = 0; i < 100; i++) throttle.shouldAudit(`https://o${i}.test`, 'fetch', i);
    expect(throttle.size()).toBe(100);
    throttle.shouldAudit('https://late.test', 'fetch', 10_000);
    expect(throttle.size()).toBe(1);
  });

  it('stays within maxKeys, dropping the oldest first', () => {
    const throttle = createBlockAuditThrottle(60_000, 10);
    for (let i = 0; i < 50; i++) throttle.shouldAudit(`https://o${i}.test`, 'fetch', i);
    expect(throttle.size()).toBe(10);
    expect(throttle.shouldAudit('https://o49.test', 'fetch', 100)).toBe(false);
    expect(throttle.shouldAudit('https://o0.test', 'fetch', 100)).toBe(true);
  });

  it('audits again when the clock goes backwards', () => {
    const throttle = createBlockAuditThrottle(60_000);
    expect(throttle.shouldAudit('https://evil.test', 'fetch', 100_000)).toBe(true);
    expect(throttle.shouldAudit('https://evil.test', 'fetch', 5_000)).toBe(true);
    expect(throttle.shouldAudit('https://evil.test', 'fetch', 6_000)).toBe(false);
  });

  it('picks up where a stopped worker left off: a restored key is still throttled within its window', () => {
    const before = createBlockAuditThrottle(60_000);
    expect(before.shouldAudit('https://evil.example', 'csp:frame-src', 1_000)).toBe(true);
    const after = createBlockAuditThrottle(60_000, 1_000, before.remembered());
    expect(after.shouldAudit('https://evil.example', 'csp:frame-src', 30_000)).toBe(false);
    expect(after.shouldAudit('https://evil.example', 'csp:frame-src', 61_000)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../src/core/masking/LruCache.ts';

describe('LruCache', () => {
  it('computes a value once and answers later calls from the cache', () => {
    const cache = new LruCache<string, number>(4);
    let computed = 0;
    const length = (key: string): number => {
      computed++;
      return key.length;
    };
    expect(cache.getOrCompute('abc', length)).toBe(3);
    expect(cache.getOrCompute('abc', length)).toBe(3);
    expect(computed).toBe(1);
  });

  it('caches false answers too', () => {
    const cache = new LruCache<string, boolean>(4);
    let computed = 0;
    const no = (): boolean => {
      computed++;
      return false;
    };
    cache.getOrCompute('x', no);
    expect(cache.getOrCompute('x', no)).toBe(false);
    expect(computed).toBe(1);
  });

  it('never holds more than its capacity and drops the least recently used entry', () => {
    const cache = new LruCache<string, string>(2);
    const seen: string[] = [];
    const echo = (key: string): string => {
      seen.push(key);
      return key;
    };
    cache.getOrCompute('a', echo);
    cache.getOrCompute('b', echo);
    cache.getOrCompute('a', echo); // a is now the most recent
    cache.getOrCompute('c', echo); // evicts b
    expect(cache.size).toBe(2);
    cache.getOrCompute('a', echo);
    cache.getOrCompute('b', echo);
    expect(seen).toEqual(['a', 'b', 'c', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import { findLinks } from '../../../src/core/origins/findLinks.ts';

const raws = (text: string): string[] => findLinks(text).map((link) => link.raw);

describe('findLinks', () => {
  it('finds http and https URLs with their positions', () => {
    const text = 'See https://crm.example.com/c/1 and HTTP://x.test.';
    expect(findLinks(text)).toEqual([
      { start: 4, end: 31, raw: 'https://crm.example.com/c/1' },
      { start: 36, end: 49, raw: 'HTTP://x.test' },
    ]);
    for (const link of findLinks(text)) expect(text.slice(link.start, link.end)).toBe(link.raw);
  });

  it('gives trailing punctuation and unbalanced brackets back to the text', () => {
    expect(raws('(see https://x.test/a).')).toEqual(['https://x.test/a']);
    expect(raws('https://en.example.org/wiki/Foo_(bar), ok?')).toEqual(['https://en.example.org/wiki/Foo_(bar)']);
    expect(raws('[https://x.test/a]')).toEqual(['https://x.test/a']);
    expect(raws('Is it https://x.test/?q=1?')).toEqual(['https://x.test/?q=1']);
  });

  it('stops at quotes, angle brackets, whitespace and control characters', () => {
    expect(raws('<a href="https://x.test/a">')).toEqual(['https://x.test/a']);
    expect(raws("'https://x.test/b'")).toEqual(['https://x.test/b']);
    expect(raws('https://x.test/c\u0000https://y.test/d')).toEqual(['https://x.test/c', 'https://y.test/d']);
    expect(raws('https://x.test/e\u3000next')).toEqual(['https://x.test/e']);
  });

  it('ignores a scheme glued to a word, a bare scheme and other schemes', () => {
    expect(raws('xhttps://evil.test')).toEqual([]);
    expect(raws('https:// nothing')).toEqual([]);
    expect(raws('javascript:alert(1) data:text/html,x ftp://x.test')).toEqual([]);
  });

  it('returns candidates only — lookalikes are found here and judged by classifyLink', () => {
    expect(raws('https://example.com@evil.test/ https://evil.test\\@example.com')).toEqual([
      'https://example.com@evil.test/',
      'https://evil.test\\@example.com',
    ]);
  });

  it('handles long hostile input and returns every candidate', () => {
    const text = 'https://'.repeat(50_000) + '('.repeat(50_000) + 'https://x.test/' + ')'.repeat(50_000);
    expect(findLinks(text)).toHaveLength(1);
    const many = 'a https://x.test/ '.repeat(20_000);
    expect(findLinks(many)).toHaveLength(20_000);
  });
});

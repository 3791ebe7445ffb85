import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const load = (lang: string) => JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  const en = load('en');
  const ja = load('ja');

  it('have the same keys in English and Japanese, none empty', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries({ ...en, ...ja })) expect(entry.message.trim(), key).not.toBe('');
  });

  it('contain every literal key the extension pages ask for', () => {
    const keys = new Set<string>();
    for (const file of sourceFiles('src').filter((path) => !path.startsWith('src/cli') && !path.startsWith('src/core'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z_]+)'/g)) keys.add(match[1] ?? '');
    }
    expect(keys.size).toBeGreaterThan(20);
    for (const key of keys) expect(en[key], key).toBeDefined();
  });
});

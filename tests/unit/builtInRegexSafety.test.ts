import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every regular-expression literal of the core, proven linear by recheck (the analyser the policy's
 * own patterns must pass): the core runs its regexes over every attribute, chat message and audit
 * detail, and a quadratic one freezes a desk or the worker on one long value (the audit masker's
 * e-mail regex took 3 s on a 32 KB attribute name before it became a scan). A sticky regex is
 * checked as matched at one position (`^…`), as it runs. The few that recheck cannot call safe run
 * only on bounded input, each said below; a new one there must say why too.
 */
const BOUNDED: ReadonlyArray<[file: string, source: string, why: string]> = [
  ['src/core/masking/attributeNameRules.ts', '/[0-9]+$/', 'one word of an attribute name, split from at most 128 characters'],
  ['src/core/masking/contextWords.ts', '/([A-Z]+)([A-Z][a-z])/g', 'attribute names, split from at most 128 characters'],
  ['src/core/masking/detectors/iban.ts', '/(\\[[^\\]]+\\])\\{([0-9]+)\\}/g', "ibantools' BBAN format strings, constants read once per engine"],
  [
    'src/core/masking/detectors/botSlotValues.ts',
    '/"(?:originalValue|interpretedValue)"\\s{0,4}:\\s{0,4}"([^"\\\\\\n]{1,200})"|"resolvedValues"\\s{0,4}:\\s{0,4}\\[([^\\]]{0,400})\\]/g',
    "one bot slot's value object, at most 800 characters (SLOT's bound)",
  ],
  [
    'src/core/masking/detectors/numberOverTurns.ts',
    '/^(?:(?:えっと|えーと|えー|あの|はい|um+|uh+|so|okay|ok|yeah|sure|and|then|それから|次は)[、, ]*){0,3}([0-9]{1,8}(?:[ -][0-9]{1,8}){0,3})[ 、,。.!]*(?:です|でした|です。)?[ \\t]*$/i',
    "one transcript line's words, at most 80 characters (LONGEST_PIECE_LINE)",
  ],
  [
    'src/core/masking/detectors/numberOverTurns.ts',
    '/(?:^|[^0-9 -])[ \\t]?([0-9]{1,8}(?:[ -][0-9]{1,8}){0,3})[ 、,。.!]*[ \\t]*$/',
    "a transcript line's last 48 characters (TAIL_READ)",
  ],
  ['src/core/policy/parsePolicyText.ts', '/\\s*(?:in JSON )?at position \\d+.*$/s', "V8's JSON.parse error message, under 80 characters"],
  ['src/core/policy/parsePolicyText.ts', '/\\s*\\(line \\d+ column \\d+\\)$/', "V8's JSON.parse error message, under 80 characters"],
  ['src/core/policy/parsePolicyText.ts', "/^(Unexpected token '.+?'), .*is not valid JSON$/su", "V8's JSON.parse error message, under 80 characters"],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function regexLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(node.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function verdict(literal: string): string {
  const slash = literal.lastIndexOf('/');
  const flags = literal.slice(slash + 1);
  const body = literal.slice(1, slash);
  const pattern = flags.includes('y') && !body.startsWith('^') ? `^(?:${body})` : body;
  const diagnostics = checkSync(pattern, flags.replace(/[gy]/g, ''), { timeout: 30_000 });
  return diagnostics.status === 'vulnerable' ? `vulnerable (${diagnostics.complexity.summary})` : diagnostics.status;
}

describe('built-in regular expressions', () => {
  it('are linear, or run only on input of bounded length', { timeout: 240_000 }, () => {
    const root = join(import.meta.dirname, '../..');
    const unproven: string[] = [];
    let count = 0;
    for (const file of sourceFiles(join(root, 'src/core'))) {
      const name = relative(root, file);
      for (const literal of regexLiterals(file)) {
        count++;
        const status = verdict(literal);
        if (status !== 'safe' && !BOUNDED.some(([f, s]) => f === name && s === literal)) unproven.push(`${name}: ${literal} — ${status}`);
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(unproven).toEqual([]);
  });

  it('the analysis calls a quadratic regex so', () => {
    // The audit masker's old e-mail regex: any non-blanks, an @, any non-blanks.
    expect(verdict('/[^\\s@]*@[^\\s]*/g')).toMatch(/^vulnerable/);
    expect(verdict('/[^\\s@]*@[^\\s]*/y')).toBe('safe');
  });
});

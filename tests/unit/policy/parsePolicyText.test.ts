import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../../src/core/policy/parsePolicyText.ts';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';

const options = { regexSafety: checkRegexSafety };

function onlyError(text: string): string {
  const result = parsePolicyText(text, options);
  expect(result.ok).toBe(false);
  if (result.ok || result.errors.length !== 1 || result.errors[0] === undefined) throw new Error(`expected one error, got ${JSON.stringify(result)}`);
  expect(result.errors[0].pointer).toBe('');
  return result.errors[0].message;
}

describe('parsePolicyText', () => {
  it('accepts valid text, with or without a byte-order mark', () => {
    const text = '{"instance": {"ccpUrl": "https://shield-demo.my.connect.aws/ccp-v2"}}';
    expect(parsePolicyText(text, options).ok).toBe(true);
    expect(parsePolicyText(`\uFEFF${text}`, options).ok).toBe(true);
  });

  it('gives line and column of a trailing comma', () => {
    expect(onlyError('{\n  "instance": {\n    "ccpUrl": "x",\n  }\n}')).toMatch(/^The file is not valid JSON at line 4, column 3: /);
  });

  it('gives line and column of a bare word', () => {
    expect(onlyError('{"instance": {"ccpUrl": 5},\n "x": tru}')).toMatch(/at line 2, column 10: Unexpected token/);
  });

  it('gives line and column of a missing colon', () => {
    expect(onlyError('{\n"instance" {}}')).toMatch(/at line 2, column 12/);
  });

  it('reports truncated text at its end', () => {
    expect(onlyError('{\n  "instance": {')).toMatch(/at line 2, column 16/);
  });

  it('says an empty file is empty', () => {
    expect(onlyError('  \n')).toMatch(/empty/);
  });

  it('does not echo the document in a syntax error', () => {
    expect(onlyError('{"card": 4111111111111111, x}')).not.toContain('4111');
  });

  it('passes valid JSON on to validation', () => {
    const result = parsePolicyText('{"instance": {}}', options);
    expect(result.ok ? [] : result.errors.map((error) => error.pointer)).toEqual(['/instance/ccpUrl']);
  });
});

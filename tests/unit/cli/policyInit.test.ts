import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, STARTER_POLICY } from '../../../src/cli/commands/policyInit.ts';
import { parsePolicyText } from '../../../src/core/policy/parsePolicyText.ts';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';
import type { CliIO } from '../../../src/cli/CliIO.ts';

function recordingIO(cwd: string): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, readStdin: async () => '', out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const options = { regexSafety: checkRegexSafety };

describe('policy init', () => {
  it('prints a commented example that says to remove the comments', async () => {
    const io = recordingIO(repo);
    expect(await run([], io)).toBe(0);
    expect(io.stdout.join('')).toBe(STARTER_POLICY);
    expect(STARTER_POLICY.split('\n')[1]).toMatch(/delete every line that starts with \/\//);
    expect(parsePolicyText(STARTER_POLICY, options).ok).toBe(false);
  });

  it('is a valid policy once the comment lines are stripped', () => {
    const stripped = STARTER_POLICY.split('\n')
      .filter((line) => !/^\s*\/\//.test(line))
      .join('\n');
    const result = parsePolicyText(stripped, options);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('--json prints the same document without comments, valid as it is', async () => {
    const io = recordingIO(repo);
    expect(await run(['--json'], io)).toBe(0);
    const text = io.stdout.join('');
    expect(text).not.toMatch(/^\s*\/\//m);
    const result = parsePolicyText(text, options);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('rejects unknown arguments', async () => {
    expect(await run(['--yaml'], recordingIO(repo))).toBe(2);
  });
});

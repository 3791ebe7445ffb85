import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, STARTER_POLICY } from '../../../src/cli/commands/policyInit.ts';
import { run as validate } from '../../../src/cli/commands/policyValidate.ts';
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

  it('once the comment lines are stripped, is refused only for its placeholder instance, naming the field', () => {
    const stripped = STARTER_POLICY.split('\n')
      .filter((line) => !/^\s*\/\//.test(line))
      .join('\n');
    const result = parsePolicyText(stripped, options);
    expect(result.ok ? [] : result.errors.map((error) => error.pointer)).toEqual(['/instance/ccpUrl']);
    expect(result.ok ? '' : (result.errors[0]?.message ?? '')).toContain('"your-instance" is the placeholder from policy init');
  });

  it('--json prints the same document without comments, valid once IT writes their instance', async () => {
    const io = recordingIO(repo);
    expect(await run(['--json'], io)).toBe(0);
    const text = io.stdout.join('');
    expect(text).not.toMatch(/^\s*\/\//m);
    expect(parsePolicyText(text, options).ok).toBe(false);
    const result = parsePolicyText(text.replace('your-instance.my.connect.aws', 'acme-support.my.connect.aws'), options);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('policy validate exits 2 on the untouched starter, with the pointer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-init-'));
    const file = join(dir, 'policy.json');
    const init = recordingIO(repo);
    await run(['--json'], init);
    writeFileSync(file, init.stdout.join(''));
    const io = recordingIO(repo);
    expect(await validate([file], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('/instance/ccpUrl: "your-instance" is the placeholder from policy init');
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects unknown arguments', async () => {
    expect(await run(['--yaml'], recordingIO(repo))).toBe(2);
  });
});

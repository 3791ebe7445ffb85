import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/policyValidate.ts';
import type { CliIO } from '../../../src/cli/CliIO.ts';

function recordingIO(cwd: string): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, readStdin: async () => '', out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

const repo = fileURLToPath(new URL('../../../', import.meta.url));

function tempFile(content: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'policy-validate-'));
  const file = join(directory, 'policy.json');
  writeFileSync(file, content);
  return file;
}

describe('policy validate', () => {
  it('exits 0 and prints "valid" with a one-line summary', async () => {
    const io = recordingIO(repo);
    expect(await run(['examples/policies/demo.json'], io)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    expect(io.stdout[0]).toMatch(/^valid: instance shield-demo\.my\.connect\.aws, 1 approved origin, .*supervisor view allowed, 1 secure IVR field/);
    // The demo policy sets no dialing.defaultCountry: the validator says the phone countries are guessed.
    expect(io.stderr).toEqual([
      "warning: /dialing/defaultCountry: not set, so the country of national phone numbers (written without +) is guessed: masking reads them as numbers of US, JP, GB, the first from the instance region (us-west-2), and of the agent's browser locale. Set it to the country your callers are in.",
    ]);
  });

  it('does not warn about phone countries when the policy sets dialing.defaultCountry', async () => {
    const io = recordingIO(repo);
    expect(await run(['examples/policies/full.json'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
  });

  it('warns, and still validates, when the native CCP panel is kept visible', async () => {
    const file = tempFile(JSON.stringify({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' }, ccp: { showNativePanel: true } }));
    const io = recordingIO(repo);
    expect(await run([file], io)).toBe(0);
    const panelWarnings = (lines: string[]) => lines.filter((line) => line.includes('/ccp/showNativePanel'));
    expect(panelWarnings(io.stderr)).toHaveLength(1);
    expect(panelWarnings(io.stderr)[0]).toMatch(/^warning: \/ccp\/showNativePanel: .*phone numbers and the whole chat transcript unmasked/);
    const quiet = recordingIO(repo);
    expect(
      await run([tempFile(JSON.stringify({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' }, ccp: { showNativePanel: false } }))], quiet),
    ).toBe(0);
    expect(panelWarnings(quiet.stderr)).toEqual([]);
  });

  it('exits 2 and prints every error as <pointer>: <sentence>', async () => {
    const file = tempFile(
      JSON.stringify({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' }, masking: { detector: {}, detectors: { pan: false } } }),
    );
    const io = recordingIO(repo);
    expect(await run([file], io)).toBe(2);
    expect(io.stderr).toEqual([
      'invalid: 2 problems',
      '/masking/detector: Unknown key "detector" (did you mean "detectors"?)',
      '/masking/detectors/pan: Card-number detection cannot be switched off (PCI DSS); remove this setting.',
    ]);
  });

  it('gives line and column for malformed JSON', async () => {
    const io = recordingIO(repo);
    expect(await run([tempFile('{\n  "instance": {,\n}')], io)).toBe(2);
    expect(io.stderr[1]).toMatch(/^\(document\): The file is not valid JSON at line 2, column 16/);
  });

  it('says clearly when the file does not exist', async () => {
    const io = recordingIO(repo);
    expect(await run(['no-such-policy.json'], io)).toBe(2);
    expect(io.stderr).toEqual(['Cannot read no-such-policy.json: no such file.']);
  });

  it('exits 2 with usage when no file is named', async () => {
    const io = recordingIO(repo);
    expect(await run([], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/Usage: policy validate FILE/);
  });
});

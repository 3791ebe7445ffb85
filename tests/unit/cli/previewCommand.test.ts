import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/preview.ts';
import type { CliIO } from '../../../src/cli/CliIO.ts';

function recordingIO(cwd: string): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, readStdin: async () => '', out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const POLICY = 'examples/policies/demo.json';
const SCENARIO = 'examples/scenarios/payment-call.json';

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'preview-cli-')), name);
  writeFileSync(file, content);
  return file;
}

describe('preview command', () => {
  it('exits 2 with the usage when a required flag is missing', async () => {
    const io = recordingIO(repo);
    expect(await run(['--policy', POLICY, '--scenario', SCENARIO], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('Usage: preview --policy FILE --scenario FILE --out DIR');
  });

  it('takes --otlp as a switch (no value)', async () => {
    const io = recordingIO(repo);
    expect(await run(['--otlp', '--policy', POLICY, '--scenario', SCENARIO], io)).toBe(2);
    expect(io.stderr.join('\n')).not.toContain('Unknown argument');
    expect(io.stderr.join('\n')).toContain('[--otlp]');
  });

  it('exits 2 on an unknown flag or a wrong --policy-path', async () => {
    const unknown = recordingIO(repo);
    expect(await run(['--policy', POLICY, '--scenario', SCENARIO, '--out', 'x', '--fast'], unknown)).toBe(2);
    expect(unknown.stderr[0]).toContain('Unknown argument "--fast"');
    const path = recordingIO(repo);
    expect(await run(['--policy', POLICY, '--scenario', SCENARIO, '--out', 'x', '--policy-path=cloud'], path)).toBe(2);
    expect(path.stderr[0]).toContain('--policy-path must be managed or local');
  });

  it('exits 2 with every scenario problem as <pointer>: <sentence>', async () => {
    const scenario = tempFile('scenario.json', JSON.stringify({ agent: { username: 'a', name: 'A' }, steps: [{ type: 'accept', contact: 'call-1' }] }));
    const io = recordingIO(repo);
    expect(await run(['--policy', POLICY, '--scenario', scenario, '--out', 'x'], io)).toBe(2);
    expect(io.stderr.slice(1)).toEqual([
      'invalid scenario: 1 problem',
      '/steps/0/contact: No earlier "contact" step starts contact "call-1"; add one before this step, or fix the id.',
    ]);
  });

  it('exits 2 with the policy errors when the policy is invalid', async () => {
    const policy = tempFile(
      'policy.json',
      JSON.stringify({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' }, masking: { detectors: { pan: false } } }),
    );
    const io = recordingIO(repo);
    expect(await run(['--policy', policy, '--scenario', SCENARIO, '--out', 'x'], io)).toBe(2);
    expect(io.stderr.slice(1)).toEqual([
      'invalid: 1 problem',
      '/masking/detectors/pan: Card-number detection cannot be switched off (PCI DSS); remove this setting.',
    ]);
  });

  it('exits 2 when a file cannot be read', async () => {
    const io = recordingIO(repo);
    expect(await run(['--policy', POLICY, '--scenario', 'examples/scenarios/nope.json', '--out', 'x'], io)).toBe(2);
    expect(io.stderr).toEqual(['Cannot read examples/scenarios/nope.json: no such file.']);
  });

  it('says to build first when the extension is not built', async () => {
    const emptyDist = mkdtempSync(join(tmpdir(), 'preview-dist-'));
    const out = mkdtempSync(join(tmpdir(), 'preview-out-'));
    const io = recordingIO(repo);
    expect(await run(['--policy', POLICY, '--scenario', SCENARIO, '--out', out, '--dist', emptyDist], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/manifest\.json is missing\. Run npm run build first\./);
  });
});

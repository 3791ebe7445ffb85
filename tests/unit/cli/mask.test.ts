import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/mask.ts';
import type { CliIO } from '../../../src/cli/CliIO.ts';

const dir = mkdtempSync(join(tmpdir(), 'mask-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const policy = {
  instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' },
  masking: { attributeRules: [{ match: 'memberCode', kind: 'secret' }] },
  roles: { elevatedViewAllowed: true, supervisors: { usernames: ['sup'] }, revealableKinds: ['ssn'] },
  dialing: { defaultCountry: 'JP' },
};
writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy));
writeFileSync(join(dir, 'bad.json'), JSON.stringify({ instance: {} }));

function fakeIo(stdin: string): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { readStdin: async () => stdin, out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd: dir, stdout, stderr };
}

const attributes = {
  orderId: 'ORD-2024-000123',
  note: 'card 4111 1111 1111 1111 exp 12/29',
  memberCode: 'abc',
  memo: 'SSN 123-45-6789',
  tel: '090-1234-5678',
};

describe('cli: mask', () => {
  it('prints the same keys with what an agent sees', async () => {
    const io = fakeIo(JSON.stringify(attributes));
    expect(await run(['--policy', 'policy.json', '--role', 'agent'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join(''))).toEqual({
      orderId: 'ORD-2024-000123',
      note: 'card •••• 1111 exp ••••••••',
      memberCode: '••••••••',
      memo: 'SSN •••• 6789',
      tel: '•••• 5678',
    });
  });

  it('--explain adds kinds, offsets and revealability, never values', async () => {
    const io = fakeIo(JSON.stringify(attributes));
    expect(await run(['--policy', 'policy.json', '--role', 'supervisor', '--explain'], io)).toBe(0);
    const output = io.stdout.join('');
    const parsed = JSON.parse(output) as { explain: Record<string, { kinds: string[]; revealable: string[]; decidedBy: string; findings: unknown[] }> };
    expect(parsed.explain.memo).toMatchObject({ kinds: ['ssn'], revealable: ['ssn'], decidedBy: 'detectors' });
    expect(parsed.explain.memo?.findings).toContainEqual({ kind: 'ssn', start: 4, end: 15, detector: 'ssn' });
    // A card is never revealable (the policy validator refuses to list it; canReveal refuses anyway).
    expect(parsed.explain.note).toMatchObject({ kinds: ['pan', 'secret'], revealable: [] });
    expect(parsed.explain.memberCode).toMatchObject({ decidedBy: 'policyRule', kinds: ['secret'] });
    expect(output).not.toContain('4111 1111');
    expect(output).not.toContain('123-45-6789');
    expect(output).not.toContain('abc');
  });

  it('masks non-string values and reports them on stderr without the value', async () => {
    const io = fakeIo(JSON.stringify({ pin: 1234, list: ['4111111111111111'] }));
    expect(await run(['--policy', 'policy.json', '--role', 'agent'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join(''))).toEqual({ pin: '[hidden]', list: '[hidden]' });
    expect(io.stderr.join('\n')).toContain('masking.failed_closed');
    expect(io.stderr.join('\n')).not.toContain('4111');
  });

  it('exits 2 on invalid JSON or a non-object, without echoing the input', async () => {
    const broken = fakeIo('{"card": "4111111111111111",');
    expect(await run(['--policy', 'policy.json', '--role', 'agent'], broken)).toBe(2);
    expect(broken.stderr.join('')).toMatch(/not valid JSON/);
    expect(broken.stderr.join('')).not.toContain('4111');
    for (const stdin of ['[1,2]', '"x"', 'null', '42']) {
      const io = fakeIo(stdin);
      expect(await run(['--policy', 'policy.json', '--role', 'agent'], io)).toBe(2);
      expect(io.stderr.join('')).toMatch(/must be a JSON object/);
    }
  });

  it('exits 2 on an invalid policy, a missing file or bad arguments', async () => {
    const bad = fakeIo('{}');
    expect(await run(['--policy', 'bad.json', '--role', 'agent'], bad)).toBe(2);
    expect(bad.stderr.join('\n')).toMatch(/invalid/);
    expect(await run(['--policy', 'missing.json', '--role', 'agent'], fakeIo('{}'))).toBe(2);
    expect(await run(['--policy', 'policy.json', '--role', 'admin'], fakeIo('{}'))).toBe(2);
    expect(await run(['--role', 'agent'], fakeIo('{}'))).toBe(2);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewReport, StepResult } from '../../src/cli/preview/PreviewReport.ts';
import { runPreview } from '../../src/cli/preview/runPreview.ts';
import { runStep, type StepContext } from '../../src/cli/preview/runStep.ts';
import type { Scenario } from '../../src/cli/preview/Scenario.ts';
import { spellings, startShieldSession, type ShieldSession } from './support/shieldSession.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(repo, path), 'utf8'));

describe('preview of every call control (examples/scenarios/call-controls.json)', () => {
  const scenario = readJson('examples/scenarios/call-controls.json') as Scenario;
  let outDir: string;
  let report: PreviewReport;
  const result = (index: number): StepResult | undefined => report.steps.find((step) => step.index === index);
  const shellText = (step: StepResult | undefined): string => step?.pages.find((page) => page.url.endsWith('/src/shell/shell.html'))?.text ?? '';

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'preview-controls-'));
    report = await runPreview({ policy: readJson('examples/policies/demo.json'), scenario, outDir, distDir: join(repo, 'dist'), policyPath: 'local' });
  });
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('runs every step; refused and unavailable controls are ok: false with a reason, and the run goes on', () => {
    expect(report.steps.map((step) => [step.type, step.ok, step.error ?? null])).toEqual(
      scenario.steps.map((step, offset) => [step.type, ![2, 9, 15].includes(offset + 1), null]),
    );
    expect(result(2)?.reason).toMatch(/^hold is not offered while the contact is (incoming|connecting) \(the card offers: accept, reject\)$/);
    expect(result(9)?.reason).toMatch(/^the dialing rules refused the number \(invalid\): .{10,}/);
    expect(result(15)?.reason).toMatch(/^the dialing rules refused the number \(premium_rate\): .{10,}/);
    expect(report.ok).toBe(true);
  });

  it('shows each control’s effect on the card', () => {
    expect(shellText(result(4))).toContain('On hold');
    expect(shellText(result(5))).not.toContain('On hold');
    expect(shellText(result(6))).toContain('Muted');
    expect(shellText(result(7))).not.toContain('Muted');
    // The helpdesk is being called while the customer waits.
    expect(shellText(result(10))).toContain('IT helpdesk');
    // The rejected call is gone; the outbound call rings at the customer.
    expect(shellText(result(14))).not.toContain('90 1234');
    expect(shellText(result(16))).toContain('•••• 5678');
  });

  it('keeps the caller numbers out of the report', () => {
    const text = readFileSync(join(outDir, 'report.json'), 'utf8');
    for (const raw of ['+81 3 1234 5678', '+81 90 1234 5678'].flatMap(spellings)) expect(text).not.toContain(raw);
  });
});

describe('preview steps when Connect fails the request', () => {
  let session: ShieldSession;
  let page: Page;
  let context: StepContext;

  beforeAll(async () => {
    session = await startShieldSession();
    page = await session.openDesk();
    context = { shell: page, control: session.emulator.control, timeoutMs: 15_000, secureAttributes: new Set() };
  });
  afterAll(async () => {
    await session?.close();
  });

  it('reports the shell’s failure notice as ok: false with its message, and the next step works', async () => {
    const { control } = session.emulator;
    await runStep({ type: 'contact', id: 'c1', channel: 'voice', caller: '+81 3 1234 5678' }, context);
    await runStep({ type: 'accept', contact: 'c1' }, context);
    await control.failApiRequests('holdConnection');
    const failed = await runStep({ type: 'hold', contact: 'c1' }, context);
    expect(failed).toEqual({ ok: false, reason: expect.stringMatching(/^the shell reported a failure \(errorHold\): .{10,}/) });
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(await runStep({ type: 'hold', contact: 'c1' }, context)).toEqual({ ok: true });

    await control.failApiRequests('sendDigits');
    expect(await runStep({ type: 'keypad', contact: 'c1', digits: '5' }, context)).toEqual({ ok: false, reason: expect.stringContaining('(errorKeypad)') });

    await control.failApiRequests('createAdditionalConnection');
    expect(await runStep({ type: 'transfer', contact: 'c1', to: 'billing queue' }, context)).toEqual({
      ok: false,
      reason: expect.stringContaining('(errorAddParty)'),
    });
    expect(await runStep({ type: 'transfer', contact: 'c1', to: 'Nobody' }, context)).toEqual({
      ok: false,
      reason: 'no quick connect is named "Nobody" (the instance offers: Billing queue, IT helpdesk, Supervisor)',
    });
  });
});

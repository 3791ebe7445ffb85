import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewReport, StepResult } from '../../src/cli/preview/PreviewReport.ts';
import { runPreview } from '../../src/cli/preview/runPreview.ts';
import type { Scenario } from '../../src/cli/preview/Scenario.ts';
import { STORAGE_KEYS } from '../../src/core/storage/storageKeys.ts';
import { spellings } from './support/shieldSession.ts';
import { storedLocalPolicy } from './support/storedValues.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(repo, path), 'utf8'));

describe('preview of a risky caller and a secure capture (examples/scenarios/caller-risk.json)', () => {
  const scenario = readJson('examples/scenarios/caller-risk.json') as Scenario;
  let outDir: string;
  let report: PreviewReport;
  let reportText: string;
  const shellText = (step: StepResult | undefined): string => step?.pages.find((page) => page.url.endsWith('/src/shell/shell.html'))?.text ?? '';
  const stepOf = (predicate: (step: Scenario['steps'][number]) => boolean, nth = 0): StepResult | undefined => {
    const indexes = scenario.steps.flatMap((step, offset) => (predicate(step) ? [offset + 1] : []));
    return report.steps.find((step) => step.index === indexes[nth]);
  };
  const contactStep = (id: string) => stepOf((step) => step.type === 'contact' && step.id === id);
  const attributeStep = (nth: number) => stepOf((step) => step.type === 'attributes', nth);

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'preview-risk-'));
    report = await runPreview({ policy: readJson('examples/policies/caller-risk.json'), scenario, outDir, distDir: join(repo, 'dist'), policyPath: 'local' });
    reportText = readFileSync(join(outDir, 'report.json'), 'utf8');
  });
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('runs every step', () => {
    expect(report.steps.filter((step) => !step.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('shows the deny-list banner on the ringing card, before Accept', () => {
    const ringing = shellText(contactStep('denied-call'));
    expect(ringing).toContain("This number is on your organization's deny list");
    expect(ringing).toContain('Accept');
  });

  it('shows the repeat banner on the third call from one number, not before', () => {
    expect(shellText(contactStep('repeat-1'))).not.toContain('contact from this number');
    expect(shellText(contactStep('repeat-2'))).not.toContain('contact from this number');
    expect(shellText(contactStep('repeat-3'))).toContain('3rd contact from this number in 60 minutes');
  });

  it('moves the secure-capture chip through its states and flags the missing value', () => {
    expect(shellText(attributeStep(0))).toContain('being captured');
    expect(shellText(attributeStep(1))).toContain('capture failed');
    expect(shellText(attributeStep(1))).toContain('Card declined by issuer');
    expect(shellText(attributeStep(2))).toContain('captured — value missing');
    expect(shellText(attributeStep(2))).toContain('2 attempts');
    expect(shellText(attributeStep(3))).toContain('captured, encrypted');
  });

  it('records the caller.* and flow-problem audit events', () => {
    const types = report.auditEvents.map((event) => (event as { type: string }).type);
    expect(types.filter((type) => type === 'caller.denyListed')).toHaveLength(1);
    expect(types.filter((type) => type === 'caller.repeat')).toHaveLength(1);
    expect(types).toContain('ivr.flow_problem');
    expect(report.auditEvents).toContainEqual(expect.objectContaining({ type: 'caller.repeat', details: expect.objectContaining({ contactId: 'repeat-3' }) }));
  });

  it('holds neither caller number nor the ciphertext anywhere in the report but the policy IT wrote', () => {
    // Through local settings the policy itself (with its deny list) is in storage.local, as IT put it there.
    const written = JSON.parse(reportText) as PreviewReport;
    expect(storedLocalPolicy(written.storage)).toEqual(readJson('examples/policies/caller-risk.json'));
    const local = { ...(written.storage.local as Record<string, unknown>) };
    delete local[STORAGE_KEYS.local.localPolicy];
    const rest = JSON.stringify({ ...written, storage: { ...written.storage, local } });
    for (const raw of ['+81 90 1234 5678', '+44 20 7946 0958'].flatMap(spellings)) expect(rest).not.toContain(raw);
    expect(rest).not.toContain('k9Zq3Rt7Vb2XyLmN4pQs8Ud');
  });
});

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewReport } from '../../src/cli/preview/PreviewReport.ts';
import { runPreview } from '../../src/cli/preview/runPreview.ts';
import type { ContactStep, Scenario } from '../../src/cli/preview/Scenario.ts';
import { CHROMIUM_MANAGED_POLICY_DIR } from '../../src/cli/preview/managedPolicyFile.ts';
import { spellings } from './support/shieldSession.ts';
import { storedLocalPolicy } from './support/storedValues.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(repo, path), 'utf8'));

describe('preview of the README example (demo policy, payment call), rehearsing the SIEM feed (--otlp)', () => {
  const scenario = readJson('examples/scenarios/payment-call.json') as Scenario;
  let outDir: string;
  let report: PreviewReport;
  let reportText: string;
  let managedFilesBefore: string[];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'preview-e2e-'));
    managedFilesBefore = existsSync(CHROMIUM_MANAGED_POLICY_DIR) ? readdirSync(CHROMIUM_MANAGED_POLICY_DIR) : [];
    report = await runPreview({ policy: readJson('examples/policies/demo.json'), scenario, outDir, distDir: join(repo, 'dist'), otlp: true });
    reportText = readFileSync(join(outDir, 'report.json'), 'utf8');
  });
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('writes report.json with one entry per step, all run', () => {
    const written = JSON.parse(reportText) as PreviewReport;
    expect(written.steps.map((step) => step.type)).toEqual(scenario.steps.map((step) => step.type));
    expect(written.steps.map((step) => step.index)).toEqual(scenario.steps.map((_, offset) => offset + 1));
    expect(written.desk.ok).toBe(true);
    expect(written.steps.filter((step) => !step.ok)).toEqual([]);
    expect(written.ok).toBe(true);
  });

  it('writes a screenshot per step and of the desk', () => {
    expect(existsSync(join(outDir, 'desk.png'))).toBe(true);
    for (const step of report.steps) {
      expect(step.screenshot).toBe(`step-${String(step.index)}.png`);
      expect(existsSync(join(outDir, `step-${String(step.index)}.png`))).toBe(true);
    }
  });

  it('says which policy path it used, and leaves no managed policy file behind', () => {
    expect(['managed', 'local']).toContain(report.policyPath);
    expect(report.policyPathReason.length).toBeGreaterThan(0);
    const expected = process.platform === 'linux' && process.getuid?.() === 0 ? 'managed' : 'local';
    expect(report.policyPath).toBe(expected);
    const managedFilesAfter = existsSync(CHROMIUM_MANAGED_POLICY_DIR) ? readdirSync(CHROMIUM_MANAGED_POLICY_DIR) : [];
    expect(managedFilesAfter.filter((name) => name.startsWith('connect-shield-preview-') && !managedFilesBefore.includes(name))).toEqual([]);
  });

  it('records the shell as the agent saw it after each step', () => {
    const shellUrl = `chrome-extension://${report.extensionId}/src/shell/shell.html`;
    for (const step of report.steps) expect(step.pages.map((page) => page.url)).toContain(shellUrl);
    const afterChat = report.steps.find((step) => step.type === 'chat');
    expect(afterChat?.pages.find((page) => page.url === shellUrl)?.text).toContain('Hanako');
    expect(report.agent.username).toBe(scenario.agent.username);
  });

  it('puts no raw sensitive value from the scenario anywhere in the report', () => {
    const contact = scenario.steps.find((step): step is ContactStep => step.type === 'contact' && step.id === 'payment-call');
    const attributes = contact?.attributes ?? {};
    const sensitive = [attributes['cardNumber'], attributes['ssn'], attributes['customerEmail'], '5555555555554444', '4012 8888 8888 1881'].filter(
      (value): value is string => value !== undefined,
    );
    expect(sensitive).toHaveLength(5);
    // Order ids are not sensitive: whether the masker shows them is its business, so they are not checked.
    for (const raw of sensitive.flatMap(spellings)) expect(reportText).not.toContain(raw);
    const feed = JSON.stringify((JSON.parse(reportText) as PreviewReport).otlp?.records ?? null);
    expect(feed).toContain('ivr.plaintext_incident');
    for (const raw of sensitive.flatMap(spellings)) expect(feed).not.toContain(raw);
  });

  it('writes what the local OTLP receiver got into report.otlp: every audit event of the run, once, as a log record', () => {
    const { otlp, auditEvents } = JSON.parse(reportText) as PreviewReport;
    expect(otlp?.endpoint).toBe('https://otlp.preview-collector.test/v1/logs');
    expect(otlp?.undelivered).toBe(0);
    const records = otlp?.records ?? [];
    expect(otlp?.received).toBe(records.length);
    expect(records.map((record) => record.eventName)).toContain('ivr.plaintext_incident');
    // Each event the worker kept arrived (the run has no outage, so no duplicates either).
    const ids = records.map((record) => record.attributes['log.record.uid']);
    expect(new Set(ids).size).toBe(auditEvents.length);
    expect(records.map((record) => record.eventName).sort()).toEqual((auditEvents as Array<{ type: string }>).map((event) => event.type).sort());
    expect(records[0]?.resource).toMatchObject({ 'service.name': 'connect-shield', 'connect_shield.extension_id': report.extensionId });
    expect(otlp?.requests.accepted).toBeGreaterThan(0);
  });

  it('shows the Markdown message as the agent reads it, the typing indicator and the attachment by masked name', () => {
    const shellUrl = `chrome-extension://${report.extensionId}/src/shell/shell.html`;
    const textAfter = (type: string, nth = 0) =>
      report.steps.filter((step) => step.type === type)[nth]?.pages.find((page) => page.url === shellUrl)?.text ?? '';
    const markdown = textAfter('chat', 1);
    expect(markdown).toContain('Refund for order ORD-2026-004211');
    expect(markdown).not.toContain('**');
    expect(markdown).not.toContain('_order');
    expect(markdown).toContain('•••• 5100');
    expect(report.steps.filter((step) => step.type === 'typing' || step.type === 'attachment').map((step) => step.ok)).toEqual([true, true]);
    expect(textAfter('attachment')).toContain('receipt •••• 1111.pdf');
    for (const raw of ['5105 1051 0510 5100', '4111111111111111'].flatMap(spellings)) expect(reportText).not.toContain(raw);
  });

  it('records every request of the extension (query stripped), page storage and the XSS signs, and finds no planted value anywhere', () => {
    const network = report.network;
    expect(network.length).toBeGreaterThan(0);
    expect(network.some((entry) => entry.url.startsWith(`https://${report.instance.host}/`))).toBe(true);
    expect(network.some((entry) => entry.initiator === 'worker')).toBe(true);
    for (const entry of network) expect(entry.url).not.toMatch(/[?#]/);
    expect(report.storage.pages.map((page) => page.url)).toContain(`chrome-extension://${report.extensionId}/src/shell/shell.html`);
    expect(report.xss).toEqual({ fired: false, windowXss: [], dialogs: 0, scriptViolations: 0 });
    expect(report.rawValues.values).toBeGreaterThan(5);
    expect(report.rawValues.leaks).toEqual([]);
  });

  it('reports storage, audit events, console, dialogs and CSP violations', () => {
    expect(report.storage).toEqual(expect.objectContaining({ local: expect.any(Object), session: expect.any(Object), sync: expect.any(Object) }));
    // The scenario leaks a card number into the policy's secure field: the report shows the incident.
    expect(report.auditEvents).toContainEqual(
      expect.objectContaining({ type: 'ivr.plaintext_incident', details: expect.objectContaining({ field: 'Card number' }) }),
    );
    expect(Array.isArray(report.console)).toBe(true);
    expect(report.dialogs).toEqual([]);
    for (const violation of report.cspViolations) expect(violation.directive.length).toBeGreaterThan(0);
  });
});

describe('preview of a supervisor reveal through local settings', () => {
  let outDir: string;
  let report: PreviewReport;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'preview-e2e-'));
    report = await runPreview({
      policy: readJson('examples/policies/demo.json'),
      scenario: readJson('examples/scenarios/supervisor-reveal.json'),
      outDir,
      distDir: join(repo, 'dist'),
      policyPath: 'local',
    });
  });
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('uses the local settings when asked to', () => {
    expect(report.policyPath).toBe('local');
    expect(storedLocalPolicy(report.storage)).toEqual(readJson('examples/policies/demo.json'));
  });

  it('reveals the attribute with the reason and records the audit event', () => {
    const reveal = report.steps.find((step) => step.type === 'reveal');
    expect(reveal).toEqual(expect.objectContaining({ ok: true }));
    expect(report.auditEvents).toContainEqual(
      expect.objectContaining({
        type: 'masking.reveal',
        details: expect.objectContaining({ attributeName: 'ssn', reason: 'Customer asked to verify identity, ticket 4711' }),
      }),
    );
    expect(report.ok).toBe(true);
  });
});

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../../tests/emulator/startEmulator.ts';
import type { PolicyError } from '../../core/policy/PolicyError.ts';
import { checkRegexSafety } from '../../core/policy/recheckRegexSafety.ts';
import { validatePolicy } from '../../core/policy/validatePolicy.ts';
import { extensionIdFromManifest } from '../browser/extensionId.ts';
import { CHROMIUM_INSTALL_HINT, findChromium } from '../browser/findChromium.ts';
import { launchShield, type ShieldBrowser } from '../browser/launchShield.ts';
import { extensionPageTexts, screenshot } from './capturePages.ts';
import {
  checkManagedPath,
  CHROMIUM_MANAGED_POLICY_DIR,
  otherPolicyFilesFor,
  removeStalePreviewFiles,
  writeManagedPolicyFile,
  type ManagedPolicyFile,
} from './managedPolicyFile.ts';
import { observeBrowser } from './observeBrowser.ts';
import type { PolicyPath, PreviewReport, Snapshot, StepResult } from './PreviewReport.ts';
import { runStep } from './runStep.ts';
import type { Scenario } from './Scenario.ts';
import { validateScenario, type ScenarioError } from './validateScenario.ts';
import { outboxFromStorage } from '../../core/audit/outbox/outboxStorageKeys.ts';
import { startOtlpRehearsal, type OtlpRehearsal } from './otlpRehearsal.ts';
import { policyWithPreviewCollector } from './policyWithPreviewCollector.ts';
import { maskingEngineForPolicy } from '../../core/masking/maskingEngineForPolicy.ts';
import { applyDefaults } from '../../core/policy/applyDefaults.ts';
import { collectEvidence } from './collectEvidence.ts';
import { checkRawValues, reportPartsToCheck } from './rawValueCheck.ts';
import { recordNetwork } from './recordNetwork.ts';

export interface RunPreviewOptions {
  /** The policy document exactly as IT would deploy it (parsed JSON). */
  policy: unknown;
  /** The scenario document (parsed JSON). */
  scenario: unknown;
  /** Created if missing; receives report.json, desk.png and step-N.png. */
  outDir: string;
  /** `auto` (default): managed where the machine allows it, otherwise local. */
  policyPath?: PolicyPath | 'auto';
  /** The built extension; default `dist` in the working directory. */
  distDir?: string;
  headless?: boolean;
  /** Per step; default 15 s. */
  stepTimeoutMs?: number;
  /** Until the shell shows the signed-in agent; default 60 s (the first managed-storage read alone takes seconds). */
  signInTimeoutMs?: number;
  /** Where managed policy files go; default Chromium's Linux directory. */
  managedPolicyDir?: string;
  /** Rehearse the SIEM feed: a local OTLP receiver becomes the policy's `audit.endpoint` for the run; `report.otlp` says what arrived. */
  otlp?: boolean;
  /** With `otlp`: how long to wait after the last step for the outbox to be delivered; default 30 s. */
  otlpDeliveryTimeoutMs?: number;
}

/** The policy or scenario is invalid; `errors` say where and why. */
class PreviewInputError extends Error {
  readonly input: 'policy' | 'scenario';
  readonly errors: readonly (PolicyError | ScenarioError)[];

  constructor(input: 'policy' | 'scenario', errors: readonly (PolicyError | ScenarioError)[]) {
    super(`The ${input} is invalid: ${errors.map((error) => `${error.pointer === '' ? '(document)' : error.pointer}: ${error.message}`).join(' ')}`);
    this.name = 'PreviewInputError';
    this.input = input;
    this.errors = errors;
  }
}

/** The extension has not been built (no manifest in the dist directory). */
export class MissingBuildError extends Error {
  constructor(distDir: string) {
    super(`No built extension: ${join(distDir, 'manifest.json')} is missing. Run npm run build first.`);
    this.name = 'MissingBuildError';
  }
}

const MANAGED_POLICY_WAIT_MS = 30_000;

/**
 * Runs the built extension in Chromium against the CCP emulator with the given policy, replays
 * the scenario through the shell, and writes the report and screenshots to `outDir`.
 */
export async function runPreview(options: RunPreviewOptions): Promise<PreviewReport> {
  const startedAt = new Date();
  const policyValidation = validatePolicy(options.policy, { regexSafety: checkRegexSafety });
  if (!policyValidation.ok) throw new PreviewInputError('policy', policyValidation.errors);
  const scenarioValidation = validateScenario(options.scenario);
  if (!scenarioValidation.ok) throw new PreviewInputError('scenario', scenarioValidation.errors);
  const policy = policyValidation.policy;
  const scenario = scenarioValidation.scenario;

  const distDir = resolve(options.distDir ?? 'dist');
  if (!existsSync(join(distDir, 'manifest.json'))) throw new MissingBuildError(distDir);
  const executablePath = findChromium();
  if (executablePath === null) throw new Error(CHROMIUM_INSTALL_HINT);
  const extensionId = extensionIdFromManifest(join(distDir, 'manifest.json'));
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });

  const managedDir = options.managedPolicyDir ?? CHROMIUM_MANAGED_POLICY_DIR;
  const choice = choosePolicyPath(options.policyPath ?? 'auto', executablePath, managedDir);
  const warnings: string[] = [];
  const ccpUrl = new URL(policy.instance.ccpUrl);
  const region = policy.instance.region ?? 'us-west-2';
  if (ccpUrl.pathname !== '/ccp-v2') warnings.push(`The emulator serves only /ccp-v2; the policy's instance URL path ${ccpUrl.pathname} will not load a CCP.`);

  const stepTimeoutMs = options.stepTimeoutMs ?? 15_000;
  const signInTimeoutMs = options.signInTimeoutMs ?? 60_000;
  let policyPath = choice.path;
  let policyPathReason = choice.reason;
  let managedFile: ManagedPolicyFile | undefined;
  let emulator: RunningEmulator | undefined;
  let shield: ShieldBrowser | undefined;
  let otlp: OtlpRehearsal | undefined;
  const removeOnSignal = (signal: NodeJS.Signals): void => {
    managedFile?.remove();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  try {
    emulator = await startEmulator({
      instanceHost: ccpUrl.hostname,
      region,
      approvedOrigins: [extensionOrigin],
      agent: {
        username: scenario.agent.username,
        name: scenario.agent.name,
        ...(scenario.agent.routingProfile !== undefined ? { routingProfile: scenario.agent.routingProfile } : {}),
        ...(scenario.agent.permissions !== undefined ? { permissions: scenario.agent.permissions } : {}),
      },
    });
    if (options.otlp === true) otlp = await startOtlpRehearsal(extensionOrigin);
    const deployed = otlp === undefined ? options.policy : policyWithPreviewCollector(options.policy, otlp.endpoint);
    if (policyPath === 'managed') {
      // Chromium reads policy files at start-up: the file must exist before the launch.
      const stale = removeStalePreviewFiles(managedDir);
      if (stale.length > 0) warnings.push(`Removed managed policy files left by earlier previews that were killed: ${stale.join(', ')}.`);
      managedFile = writeManagedPolicyFile(extensionId, deployed, managedDir);
      process.once('SIGINT', removeOnSignal);
      process.once('SIGTERM', removeOnSignal);
      const others = otherPolicyFilesFor(extensionId, managedFile.path, managedDir);
      if (others.length > 0) warnings.push(`Other managed policy files also configure this extension and are merged with the preview's: ${others.join(', ')}.`);
    }
    const hostRules = [emulator.hostResolverRules, ...(otlp ? [otlp.hostRule] : [])].join(', ');
    const spkiHashes = [emulator.spkiHash, ...(otlp ? [otlp.spkiHash] : [])].join(',');
    const chromiumArgs = [`--host-resolver-rules=${hostRules}`, `--ignore-certificate-errors-spki-list=${spkiHashes}`];
    shield = await launchShield({ chromiumArgs, distDir, headless: options.headless ?? true });
    const observations = await observeBrowser(shield.context);
    const engine = maskingEngineForPolicy(applyDefaults(policy));
    const network = recordNetwork(shield.context, shield.extensionOrigin, (text) => engine.maskText(text).display);

    if (policyPath === 'managed' && !(await managedPolicyArrived(shield, MANAGED_POLICY_WAIT_MS))) {
      if (options.policyPath === 'managed')
        throw new Error(`Chromium did not deliver the managed policy to the extension within ${String(MANAGED_POLICY_WAIT_MS / 1000)} s.`);
      warnings.push(
        `Chromium did not deliver the managed policy within ${String(MANAGED_POLICY_WAIT_MS / 1000)} s; the policy was installed as local settings instead.`,
      );
      policyPath = 'local';
      policyPathReason = 'managed policy was not delivered; fell back to local settings';
    }
    if (policyPath === 'local') await shield.setLocalPolicy(deployed);

    const shell = await shield.open('src/shell/shell.html');
    const desk = await captureDesk(shell, shield, outDir, signInTimeoutMs);
    const secureAttributes = new Set(
      (policy.secureIvr?.fields ?? []).flatMap((field) =>
        [field.valueAttribute, field.statusAttribute, field.attemptsAttribute ?? [], field.failureReasonAttribute ?? []].flat(),
      ),
    );
    const steps = await replay(scenario, desk.ok, { shell, shield, emulator, outDir, stepTimeoutMs, secureAttributes });

    const otlpReport = otlp === undefined ? undefined : await otlp.report(await shield.worker(), options.otlpDeliveryTimeoutMs ?? 30_000);
    if (otlpReport !== undefined && otlpReport.undelivered > 0)
      warnings.push(`${String(otlpReport.undelivered)} audit events were still queued when the report was written; report.otlp shows what had arrived.`);
    const cspViolations = observations.cspViolations();
    const evidence = await collectEvidence(shield.context, shield.extensionOrigin, { dialogs: observations.dialogs, cspViolations });
    const storage = { ...(await shield.storageDump()), pages: evidence.pages };
    const report: PreviewReport = {
      format: 1,
      scenario: { name: scenario.name ?? null, steps: scenario.steps.length },
      agent: {
        username: scenario.agent.username,
        name: scenario.agent.name,
        routingProfile: scenario.agent.routingProfile ?? null,
        permissions: scenario.agent.permissions ?? [],
      },
      policyPath,
      policyPathReason,
      extensionId,
      instance: { host: ccpUrl.hostname, region },
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      ok: desk.ok && steps.every((step) => step.ok || (step.reason !== undefined && step.error === undefined)),
      desk,
      steps,
      storage,
      auditEvents: auditEventsIn(storage.local),
      ...(otlpReport === undefined ? {} : { otlp: otlpReport }),
      console: observations.console,
      dialogs: observations.dialogs,
      cspViolations,
      network: network.entries(),
      xss: evidence.xss,
      rawValues: { values: 0, leaks: [] },
      warnings,
    };
    report.rawValues = checkRawValues(scenario, engine, reportPartsToCheck(report));
    if (report.rawValues.leaks.length > 0 || report.xss.fired) report.ok = false;
    writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    return report;
  } finally {
    await shield?.close().catch(() => undefined);
    managedFile?.remove();
    process.off('SIGINT', removeOnSignal);
    process.off('SIGTERM', removeOnSignal);
    await emulator?.close().catch(() => undefined);
    await otlp?.close().catch(() => undefined);
  }
}

function choosePolicyPath(requested: PolicyPath | 'auto', executablePath: string, managedDir: string): { path: PolicyPath; reason: string } {
  if (requested === 'local') return { path: 'local', reason: 'local settings requested (--policy-path local)' };
  const check = checkManagedPath(executablePath, managedDir);
  if (requested === 'managed') {
    if (!check.usable) throw new Error(`Cannot use the managed policy path: ${check.reason}.`);
    return { path: 'managed', reason: `managed policy requested; written to ${managedDir}` };
  }
  return check.usable
    ? { path: 'managed', reason: `a managed policy file in ${managedDir}, as an organization deploys it` }
    : { path: 'local', reason: `local settings, because ${check.reason}` };
}

async function managedPolicyArrived(shield: ShieldBrowser, timeoutMs: number): Promise<boolean> {
  const worker = await shield.worker();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const managed = await worker.evaluate(async () => Object.keys(await chrome.storage.managed.get(null)).length);
    if (managed > 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 250));
  }
}

async function captureDesk(shell: Page, shield: ShieldBrowser, outDir: string, timeoutMs: number): Promise<Snapshot> {
  let error: string | undefined;
  try {
    await shell.getByTestId('agent-name').waitFor({ timeout: timeoutMs });
  } catch {
    error = `The shell did not show a signed-in agent within ${String(timeoutMs / 1000)} s; see the page text and desk.png for what an agent would see.`;
  }
  return {
    ok: error === undefined,
    ...(error !== undefined ? { error } : {}),
    pages: await extensionPageTexts(shield.context, shield.extensionOrigin),
    screenshot: await screenshot(shell, outDir, 'desk.png'),
  };
}

interface ReplayContext {
  shell: Page;
  shield: ShieldBrowser;
  emulator: RunningEmulator;
  outDir: string;
  stepTimeoutMs: number;
  secureAttributes: ReadonlySet<string>;
}

/** Runs every step in order; after the first failure the rest are listed as not run. */
async function replay(scenario: Scenario, deskReady: boolean, context: ReplayContext): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let stoppedBy: string | undefined = deskReady ? undefined : 'the desk did not come up';
  for (const [offset, step] of scenario.steps.entries()) {
    const index = offset + 1;
    const base = { index, pointer: `/steps/${String(offset)}`, type: step.type };
    if (stoppedBy !== undefined) {
      results.push({ ...base, ok: false, error: `not run: ${stoppedBy}`, pages: [], screenshot: null, durationMs: 0 });
      continue;
    }
    const started = Date.now();
    let outcome: { ok: boolean; error?: string; reason?: string };
    try {
      outcome = await runStep(step, {
        shell: context.shell,
        control: context.emulator.control,
        timeoutMs: context.stepTimeoutMs,
        secureAttributes: context.secureAttributes,
      });
    } catch (error) {
      outcome = { ok: false, error: firstLine(error) };
      stoppedBy = `step ${String(index)} failed`;
    }
    results.push({
      ...base,
      ...outcome,
      pages: await extensionPageTexts(context.shield.context, context.shield.extensionOrigin),
      screenshot: await screenshot(context.shell, context.outDir, `step-${String(index)}.png`),
      durationMs: Date.now() - started,
    });
  }
  return results;
}

/** Playwright errors carry a multi-line call log; the first line says what went wrong. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function auditEventsIn(local: unknown): unknown[] {
  if (typeof local !== 'object' || local === null) return [];
  return outboxFromStorage(local as Record<string, unknown>).entries.map((entry) => entry.event);
}

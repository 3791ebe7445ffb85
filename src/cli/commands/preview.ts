import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { EXIT_FAILURE, EXIT_INVALID, EXIT_OK, type CliCommand, type CliIO } from '../CliIO.ts';
import { parseScenarioText } from '../preview/parseScenarioText.ts';
import type { PolicyPath, PreviewReport } from '../preview/PreviewReport.ts';
import { MissingBuildError, runPreview } from '../preview/runPreview.ts';
import { printPolicyErrors, readAndValidatePolicy } from './policyValidate.ts';

const USAGE = 'Usage: preview --policy FILE --scenario FILE --out DIR [--policy-path managed|local] [--dist DIR] [--headed] [--otlp]';

interface PreviewArgs {
  policy: string;
  scenario: string;
  out: string;
  policyPath: PolicyPath | 'auto';
  dist: string | undefined;
  headed: boolean;
  otlp: boolean;
}

/**
 * `preview --policy FILE --scenario FILE --out DIR`: what agents will see under a policy, before
 * the rollout. Exit 0 when every step ran, 1 when the desk or a step failed (the report says
 * which), 2 for invalid arguments, policy or scenario.
 */
export const run: CliCommand = async (argv, io) => {
  const args = parseArgs(argv, io);
  if (args === undefined) return EXIT_INVALID;

  const policyValidation = await readAndValidatePolicy(args.policy, io);
  if (policyValidation === undefined) return EXIT_INVALID;
  if (!policyValidation.ok) {
    io.err(`${args.policy}:`);
    printPolicyErrors(policyValidation.errors, io);
    return EXIT_INVALID;
  }
  const scenarioText = await readText(args.scenario, io);
  if (scenarioText === undefined) return EXIT_INVALID;
  const scenarioValidation = parseScenarioText(scenarioText);
  if (!scenarioValidation.ok) {
    io.err(`${args.scenario}:`);
    io.err(`invalid scenario: ${String(scenarioValidation.errors.length)} problem${scenarioValidation.errors.length === 1 ? '' : 's'}`);
    for (const error of scenarioValidation.errors) io.err(`${error.pointer === '' ? '(document)' : error.pointer}: ${error.message}`);
    return EXIT_INVALID;
  }

  let report: PreviewReport;
  try {
    report = await runPreview({
      // The file's own document, not the validated copy: the browser must get exactly what IT deploys.
      policy: JSON.parse(stripByteOrderMark((await readText(args.policy, io)) ?? '')) as unknown,
      scenario: scenarioValidation.scenario,
      outDir: resolve(io.cwd, args.out),
      policyPath: args.policyPath,
      distDir: resolve(io.cwd, args.dist ?? 'dist'),
      headless: !args.headed,
      otlp: args.otlp,
    });
  } catch (error) {
    if (error instanceof MissingBuildError) {
      io.err(error.message);
      return EXIT_FAILURE;
    }
    throw error;
  }
  printSummary(report, resolve(io.cwd, args.out), io);
  return report.ok ? EXIT_OK : EXIT_FAILURE;
};

function parseArgs(argv: string[], io: CliIO): PreviewArgs | undefined {
  const values = new Map<string, string>();
  let headed = false;
  let otlp = false;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? '';
    if (flag === '--headed') {
      headed = true;
      continue;
    }
    if (flag === '--otlp') {
      otlp = true;
      continue;
    }
    const [name, inline] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    if (!['--policy', '--scenario', '--out', '--policy-path', '--dist'].includes(name)) {
      io.err(`Unknown argument "${flag}".\n${USAGE}`);
      return undefined;
    }
    const value = inline ?? argv[(i += 1)];
    if (value === undefined || value === '') {
      io.err(`${name} needs a value.\n${USAGE}`);
      return undefined;
    }
    values.set(name, value);
  }
  const policy = values.get('--policy');
  const scenario = values.get('--scenario');
  const out = values.get('--out');
  if (policy === undefined || scenario === undefined || out === undefined) {
    io.err(USAGE);
    return undefined;
  }
  const policyPath = values.get('--policy-path') ?? 'auto';
  if (policyPath !== 'auto' && policyPath !== 'managed' && policyPath !== 'local') {
    io.err(`--policy-path must be managed or local.\n${USAGE}`);
    return undefined;
  }
  return { policy, scenario, out, policyPath, dist: values.get('--dist'), headed, otlp };
}

async function readText(file: string, io: CliIO): Promise<string | undefined> {
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    io.err(code === 'ENOENT' ? `Cannot read ${file}: no such file.` : code === 'EISDIR' ? `Cannot read ${file}: it is a directory.` : `Cannot read ${file}.`);
    return undefined;
  }
}

function stripByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function printSummary(report: PreviewReport, outDir: string, io: CliIO): void {
  const inside = relative(io.cwd, outDir);
  const where = inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? outDir : inside;
  io.out(`policy path: ${report.policyPath} (${report.policyPathReason})`);
  io.out(`desk: ${report.desk.ok ? 'signed in' : `FAILED — ${report.desk.error ?? ''}`}`);
  for (const step of report.steps) {
    const status = step.error !== undefined ? `FAILED — ${step.error}` : step.reason !== undefined ? `not done — ${step.reason}` : 'ok';
    io.out(`step ${String(step.index)} ${step.type}: ${status}`);
  }
  io.out(
    `${String(report.auditEvents.length)} audit events, ${String(report.console.length)} console messages, ${String(report.dialogs.length)} dialogs, ${String(report.cspViolations.length)} CSP violations`,
  );
  if (report.otlp !== undefined) {
    const { received, records, undelivered, endpoint } = report.otlp;
    const distinct = new Set(records.map((record) => String(record.attributes['log.record.uid']))).size;
    io.out(`otlp: ${String(received)} log records arrived at ${endpoint} (${String(distinct)} distinct events), ${String(undelivered)} still queued`);
  }
  for (const warning of report.warnings) io.out(`warning: ${warning}`);
  io.out(`report: ${where}/report.json (${String((report.durationMs / 1000).toFixed(1))} s)`);
}

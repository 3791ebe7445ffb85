import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EXIT_INVALID, EXIT_OK, type CliCommand } from '../CliIO.ts';
import { deploymentFiles } from '../../core/policy/deployment/deploymentFiles.ts';
import {
  DEFAULT_EXTENSION_ID,
  EXTENSION_ID_PATTERN,
  HARDENING_FLAGS,
  type DeploymentFile,
  type HardeningFlag,
  type TargetBrowser,
  type TargetOs,
} from '../../core/policy/deployment/deploymentTarget.ts';
import { checkUpdateUrl } from '../../core/policy/deployment/checkUpdateUrl.ts';
import { printPolicyErrors, readAndValidatePolicy } from './policyValidate.ts';

export const USAGE = `Usage: policy export FILE --browser chrome|edge --os windows|macos|linux --out DIR [options]
  --extension-id ID    the extension id (default ${DEFAULT_EXTENSION_ID}, or the one package printed)
  --update-url URL     force-install from your own update manifest (written by package) instead of the store
  --harden LIST        comma-separated extra browser hardening: ${HARDENING_FLAGS.join(', ')}`;

/** `policy export`: refuses an invalid policy; otherwise writes the files IT deploys, and a README.txt, into DIR. */
export const run: CliCommand = async (argv, io) => {
  const parsed = parseArguments(argv);
  if (!parsed.ok) {
    io.err(parsed.message);
    io.err(USAGE);
    return EXIT_INVALID;
  }
  const { file, browser, os, out, extensionId, updateUrl, hardening } = parsed;
  const validation = await readAndValidatePolicy(file, io);
  if (validation === undefined) return EXIT_INVALID;
  if (!validation.ok) {
    printPolicyErrors(validation.errors, io);
    io.err('Nothing exported: fix the policy first.');
    return EXIT_INVALID;
  }
  const files = deploymentFiles(
    validation.policy,
    { browser, os, extensionId, hardening, ...(updateUrl !== undefined ? { updateUrl } : {}) },
    {
      profileUuid: randomUUID().toUpperCase(),
      policyPayloadUuid: randomUUID().toUpperCase(),
      installPayloadUuid: randomUUID().toUpperCase(),
      identifierPrefix: `com.connectshield.policy.${browser}`,
    },
  );
  const directory = resolve(io.cwd, out);
  await mkdir(directory, { recursive: true });
  for (const deploymentFile of files) {
    await writeFile(join(directory, deploymentFile.name), encode(deploymentFile));
    io.out(`wrote ${join(out, deploymentFile.name)}`);
  }
  return EXIT_OK;
};

function encode(file: DeploymentFile): Buffer {
  return file.encoding === 'utf16le' ? Buffer.from(`\uFEFF${file.content}`, 'utf16le') : Buffer.from(file.content, 'utf8');
}

type ExportArguments =
  | {
      ok: true;
      file: string;
      browser: TargetBrowser;
      os: TargetOs;
      out: string;
      extensionId: string;
      updateUrl: string | undefined;
      hardening: HardeningFlag[];
    }
  | { ok: false; message: string };

function parseArguments(argv: readonly string[]): ExportArguments {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const [name, inlineValue] = argument.slice(2).split('=', 2);
    const value = inlineValue ?? argv[index + 1];
    if (name === undefined || !['browser', 'os', 'out', 'extension-id', 'update-url', 'harden'].includes(name))
      return { ok: false, message: `Unknown option ${argument}.` };
    if (value === undefined || value.startsWith('--')) return { ok: false, message: `Option --${name} needs a value.` };
    options.set(name, value);
    if (inlineValue === undefined) index += 1;
  }
  const [file, ...extra] = positional;
  if (file === undefined) return { ok: false, message: 'Name the policy FILE to export.' };
  if (extra.length > 0) return { ok: false, message: `Unexpected argument ${extra.join(' ')}.` };
  const browser = options.get('browser');
  if (browser !== 'chrome' && browser !== 'edge') return { ok: false, message: '--browser must be chrome or edge.' };
  const os = options.get('os');
  if (os !== 'windows' && os !== 'macos' && os !== 'linux') return { ok: false, message: '--os must be windows, macos or linux.' };
  const out = options.get('out');
  if (out === undefined) return { ok: false, message: '--out DIR is required.' };
  const extensionId = options.get('extension-id') ?? DEFAULT_EXTENSION_ID;
  if (!EXTENSION_ID_PATTERN.test(extensionId)) return { ok: false, message: '--extension-id must be 32 letters a to p, as chrome://extensions shows it.' };
  const updateUrl = options.get('update-url');
  if (updateUrl !== undefined) {
    const problem = checkUpdateUrl(updateUrl);
    if (problem !== undefined) return { ok: false, message: `--update-url: ${problem}` };
  }
  const hardening: HardeningFlag[] = [];
  for (const flag of (options.get('harden') ?? '').split(',').filter((word) => word !== '')) {
    const known = HARDENING_FLAGS.find((candidate) => candidate === flag);
    if (known === undefined) return { ok: false, message: `--harden: unknown flag "${flag}"; use ${HARDENING_FLAGS.join(', ')}.` };
    hardening.push(known);
  }
  return { ok: true, file, browser, os, out, extensionId, updateUrl, hardening };
}

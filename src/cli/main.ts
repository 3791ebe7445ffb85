#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { EXIT_INVALID, type CliCommand, type CliIO } from './CliIO.ts';

/**
 * `npm run --silent cli -- <command> …`. Each command lives in its own module under
 * ./commands and is loaded only when asked for, so `mask` does not pay for Playwright.
 */
const commands: Record<string, () => Promise<CliCommand>> = {
  'policy validate': async () => (await import('./commands/policyValidate.ts')).run,
  'policy export': async () => (await import('./commands/policyExport.ts')).run,
  'policy init': async () => (await import('./commands/policyInit.ts')).run,
  mask: async () => (await import('./commands/mask.ts')).run,
  preview: async () => (await import('./commands/preview.ts')).run,
};

const usage = `Usage: npm run --silent cli -- <command>
  policy validate FILE
  policy export FILE --browser chrome|edge --os windows|macos|linux --out DIR
  policy init
  mask --policy FILE --role agent|supervisor [--explain]   (attribute map as JSON on stdin)
  preview --policy FILE --scenario FILE --out DIR
`;

const io: CliIO = {
  readStdin: async () => readFileSync(0, 'utf8'),
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
};

async function main(argv: string[]): Promise<number> {
  const two = argv.slice(0, 2).join(' ');
  const key = two in commands ? two : argv[0] ?? '';
  const load = commands[key];
  if (!load) {
    io.err(usage);
    return EXIT_INVALID;
  }
  const rest = argv.slice(key.split(' ').length);
  const command = await load();
  return command(rest, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.err(`connect-shield: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

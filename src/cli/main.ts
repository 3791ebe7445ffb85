#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { EXIT_INVALID, EXIT_OK, type CliCommand, type CliIO } from './CliIO.ts';
import { HELP } from './help.ts';
import { closestWord } from '../core/policy/closestWord.ts';

/**
 * `npm run --silent cli -- <command> …`. Each command lives in its own module under
 * ./commands and is loaded only when asked for, so `mask` does not pay for Playwright.
 */
const commands: Record<string, () => Promise<CliCommand>> = {
  'policy validate': async () => (await import('./commands/policyValidate.ts')).run,
  'policy export': async () => (await import('./commands/policyExport.ts')).run,
  'policy init': async () => (await import('./commands/policyInit.ts')).run,
  package: async () => (await import('./commands/package.ts')).run,
  mask: async () => (await import('./commands/mask.ts')).run,
  preview: async () => (await import('./commands/preview.ts')).run,
};

const io: CliIO = {
  readStdin: async () => readFileSync(0, 'utf8'),
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
};

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    // Asked for help: the answer, on stdout, exit 0. No command at all is a mistake: stderr, exit 2.
    if (argv.length === 0) {
      io.err(HELP);
      return EXIT_INVALID;
    }
    io.out(HELP);
    return EXIT_OK;
  }
  const two = argv.slice(0, 2).join(' ');
  const key = two in commands ? two : (argv[0] ?? '');
  const load = commands[key];
  if (!load) {
    const suggestion = closestWord(two in commands ? two : argv.slice(0, argv[0] === 'policy' ? 2 : 1).join(' '), Object.keys(commands));
    io.err(`Unknown command "${argv.slice(0, 2).join(' ')}"${suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : ''}.`);
    io.err(HELP);
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

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_INVALID, EXIT_OK, type CliCommand } from '../CliIO.ts';
import type { MaskLabels } from '../../core/masking/displayFormat.ts';
import { maskLabelsFromMessages } from '../../core/masking/maskLabelsFromMessages.ts';
import { maskingEngineForPolicy } from '../../core/masking/maskingEngineForPolicy.ts';
import { applyDefaults } from '../../core/policy/applyDefaults.ts';
import type { AttributeExplanation } from '../../core/masking/MaskingEngine.ts';
import type { SensitiveKind } from '../../core/policy/Policy.ts';
import { canReveal } from '../../core/roles/canReveal.ts';
import type { Role } from '../../core/roles/Role.ts';
import { printPolicyErrors, readAndValidatePolicy } from './policyValidate.ts';

const USAGE = 'Usage: mask --policy FILE --role agent|supervisor [--locale en|ja] [--explain]   (attribute map as JSON on stdin)';

/** The extension's languages; the CLI reads the same `_locales/<lang>/messages.json` the shell shows. */
const LANGUAGES = ['en', 'ja'] as const;

interface MaskArgs {
  policyFile: string;
  role: Role;
  explain: boolean;
  locale: string;
}

function parseArgs(argv: string[]): MaskArgs | string {
  let policyFile: string | undefined;
  let role: string | undefined;
  let explain = false;
  let locale = 'en';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--policy') policyFile = argv[++i];
    else if (arg === '--role') role = argv[++i];
    else if (arg === '--locale') locale = argv[++i] ?? '';
    else if (arg === '--explain') explain = true;
    else return `Unknown argument: ${arg ?? ''}`;
  }
  if (policyFile === undefined) return 'Missing --policy FILE.';
  if (role !== 'agent' && role !== 'supervisor') return 'The role must be --role agent or --role supervisor.';
  if (!LANGUAGES.some((lang) => languageOf(locale) === lang))
    return `The locale must be one of ${LANGUAGES.join(', ')} (optionally with a region, e.g. ja-JP).`;
  return { policyFile, role, explain, locale };
}

function languageOf(locale: string): string {
  return locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** The shell's label words for `locale`, read from the extension's own message catalogue. */
async function labelsFor(locale: string): Promise<MaskLabels> {
  const file = join(dirname(fileURLToPath(import.meta.url)), '../../../_locales', languageOf(locale), 'messages.json');
  return maskLabelsFromMessages(JSON.parse(await readFile(file, 'utf8')));
}

/**
 * `mask`: the dry run IT uses to check a policy before rollout. Reads `{ "name": "value", … }` on
 * stdin and prints the same keys with what the role sees by default (no reveal; a supervisor's
 * default view is the agent's) — the same strings the shell draws, in `--locale`'s language. `--explain` prints `{ "view": …, "explain": … }` instead, with the
 * kinds, offsets and deciding rule per attribute, never the values. Fail-closed audit events go to
 * stderr, one JSON line each.
 */
export const run: CliCommand = async (argv, io) => {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`);
    return EXIT_INVALID;
  }
  const validation = await readAndValidatePolicy(args.policyFile, io);
  if (validation === undefined) return EXIT_INVALID;
  if (!validation.ok) {
    printPolicyErrors(validation.errors, io);
    return EXIT_INVALID;
  }
  const policy = validation.policy;

  let input: unknown;
  try {
    input = JSON.parse(await io.readStdin());
  } catch {
    // The parser's message quotes the input, which may hold the very values being masked.
    io.err('stdin is not valid JSON: expected an object of attribute name → value, e.g. {"orderId": "ORD-1"}.');
    return EXIT_INVALID;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    io.err(`stdin must be a JSON object of attribute name → value, not ${Array.isArray(input) ? 'an array' : input === null ? 'null' : `a ${typeof input}`}.`);
    return EXIT_INVALID;
  }
  const attributes = input as Record<string, unknown>;

  // The shell's own engine: the effective policy, the locale's labels and phone countries.
  const engine = maskingEngineForPolicy(applyDefaults(policy), { locale: args.locale, labels: await labelsFor(args.locale) });
  const { explanations, auditEvents } = engine.explain(attributes);
  const view = Object.fromEntries(explanations.map((e) => [e.view.name, e.view.display]));
  for (const event of auditEvents) io.err(JSON.stringify(event));

  if (!args.explain) {
    io.out(JSON.stringify(view, null, 2));
    return EXIT_OK;
  }
  const explain = Object.fromEntries(explanations.map((e) => [e.view.name, describe(e, args.role, policy.roles)]));
  io.out(JSON.stringify({ view, explain }, null, 2));
  return EXIT_OK;
};

function describe(explanation: AttributeExplanation, role: Role, roles: Parameters<typeof canReveal>[2]) {
  const kinds = explanation.view.kinds.filter(isSensitiveKind);
  return {
    masked: explanation.view.masked,
    decidedBy: explanation.decidedBy,
    kinds,
    findings: explanation.findings.map((f) => ({ kind: f.kind, start: f.start, end: f.end, detector: f.detector })),
    ...(explanation.failure ? { failure: explanation.failure } : {}),
    revealable: kinds.filter((k) => canReveal(k, role, roles)),
  };
}

const KINDS: ReadonlySet<string> = new Set<SensitiveKind>([
  'pan',
  'ssn',
  'myNumber',
  'iban',
  'abaRouting',
  'accountNumber',
  'email',
  'phone',
  'dob',
  'ciphertext',
  'secret',
  'custom',
]);

function isSensitiveKind(kind: string): kind is SensitiveKind {
  return KINDS.has(kind);
}

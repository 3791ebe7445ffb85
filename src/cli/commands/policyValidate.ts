import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT_INVALID, EXIT_OK, type CliCommand, type CliIO } from '../CliIO.ts';
import { candidatePhoneCountries } from '../../core/masking/candidatePhoneCountries.ts';
import type { Policy } from '../../core/policy/Policy.ts';
import type { PolicyError } from '../../core/policy/PolicyError.ts';
import { parsePolicyText } from '../../core/policy/parsePolicyText.ts';
import { checkRegexSafety } from '../../core/policy/recheckRegexSafety.ts';
import type { PolicyValidation } from '../../core/policy/validatePolicy.ts';

/** `policy validate FILE`: exit 0 and a summary when valid, else exit 2 and one line per problem. */
export const run: CliCommand = async (argv, io) => {
  const [file, ...extra] = argv;
  if (file === undefined || extra.length > 0) {
    io.err('Usage: policy validate FILE');
    return EXIT_INVALID;
  }
  const validation = await readAndValidatePolicy(file, io);
  if (validation === undefined) return EXIT_INVALID;
  if (!validation.ok) {
    printPolicyErrors(validation.errors, io);
    return EXIT_INVALID;
  }
  io.out(`valid: ${summarisePolicy(validation.policy)}`);
  const guess = phoneCountryGuess(validation.policy);
  if (guess !== null) io.err(guess);
  return EXIT_OK;
};

/**
 * Without `dialing.defaultCountry` the masking engine still hides national phone numbers, by
 * reading them in every candidate country; IT should know it had to guess.
 */
function phoneCountryGuess(policy: Policy): string | null {
  const phone = candidatePhoneCountries({ defaultCountry: policy.dialing?.defaultCountry, instanceRegion: policy.instance.region });
  if (!phone.guessed) return null;
  const region = policy.instance.region !== undefined && phone.sources.includes('instanceRegion') ? ` (${policy.instance.region})` : '';
  return (
    `warning: /dialing/defaultCountry: not set, so the country of national phone numbers (written without +) is guessed: ` +
    `masking reads them as numbers of ${phone.countries.join(', ')}${region ? `, the first from the instance region${region}` : ''}, ` +
    `and of the agent's browser locale. Set it to the country your callers are in.`
  );
}

/** Reads and validates a policy file; prints the reason and returns undefined when it cannot be read. */
export async function readAndValidatePolicy(file: string, io: CliIO): Promise<PolicyValidation | undefined> {
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    io.err(
      code === 'ENOENT'
        ? `Cannot read ${file}: no such file.`
        : code === 'EISDIR'
          ? `Cannot read ${file}: it is a directory, not a policy file.`
          : `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  return parsePolicyText(text, { regexSafety: checkRegexSafety });
}

export function printPolicyErrors(errors: readonly PolicyError[], io: CliIO): void {
  io.err(`invalid: ${String(errors.length)} problem${errors.length === 1 ? '' : 's'}`);
  for (const error of errors) io.err(`${error.pointer === '' ? '(document)' : error.pointer}: ${error.message}`);
}

function summarisePolicy(policy: Policy): string {
  const host = new URL(policy.instance.ccpUrl).host;
  const alternates = policy.instance.alternates?.length ?? 0;
  const parts = [`instance ${host}${alternates > 0 ? ` (+${String(alternates)} alternate${alternates === 1 ? '' : 's'})` : ''}`];
  parts.push(count(policy.approvedOrigins?.length ?? 0, 'approved origin'));
  const off = Object.entries(policy.masking?.detectors ?? {})
    .filter(([, on]) => !on)
    .map(([name]) => name);
  parts.push(off.length === 0 ? 'all detectors on' : `detectors off: ${off.join(', ')}`);
  parts.push(count(policy.masking?.attributeRules?.length ?? 0, 'attribute rule'));
  parts.push(count(policy.masking?.patterns?.length ?? 0, 'custom pattern'));
  parts.push(policy.roles?.elevatedViewAllowed === true ? 'supervisor view allowed' : 'no supervisor view');
  parts.push(count(policy.secureIvr?.fields?.length ?? 0, 'secure IVR field'));
  parts.push(count(policy.risk?.denyList?.length ?? 0, 'deny-listed number'));
  if (policy.dialing?.defaultCountry !== undefined) parts.push(`dialing ${policy.dialing.defaultCountry}`);
  parts.push(policy.audit?.endpoint !== undefined ? `audit to ${new URL(policy.audit.endpoint).origin}` : 'audit kept locally');
  return parts.join(', ');
}

function count(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? '' : 's'}`;
}

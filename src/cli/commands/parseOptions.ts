import { closestWord } from '../../core/policy/closestWord.ts';

export type OptionKind = 'value' | 'flag';

export type ParsedOptions = { ok: true; positional: string[]; options: Map<string, string>; flags: Set<string> } | { ok: false; message: string };

/**
 * `--name value`, `--name=value` and `--flag`, against the options a command declares; an unknown
 * option gets a "did you mean" from the declared ones.
 */
export function parseOptions(argv: readonly string[], declared: Readonly<Record<string, OptionKind>>): ParsedOptions {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const equals = argument.indexOf('=');
    const name = argument.slice(2, equals === -1 ? undefined : equals);
    const kind = declared[name];
    if (kind === undefined) {
      const suggestion = closestWord(name, Object.keys(declared));
      return {
        ok: false,
        message: `Unknown option ${argument.slice(0, equals === -1 ? undefined : equals)}${suggestion !== undefined ? ` (did you mean --${suggestion}?)` : ''}.`,
      };
    }
    if (kind === 'flag') {
      if (equals !== -1) return { ok: false, message: `Option --${name} takes no value.` };
      flags.add(name);
      continue;
    }
    const value = equals === -1 ? argv[index + 1] : argument.slice(equals + 1);
    if (value === undefined || (equals === -1 && value.startsWith('--'))) return { ok: false, message: `Option --${name} needs a value.` };
    options.set(name, value);
    if (equals === -1) index += 1;
  }
  return { ok: true, positional, options, flags };
}

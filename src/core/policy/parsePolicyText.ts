import type { PolicyError } from './PolicyError.ts';
import { validatePolicy, type PolicyValidation, type PolicyValidationOptions } from './validatePolicy.ts';

/** Parses and validates policy JSON text; malformed JSON gives one error with its line and column. */
export function parsePolicyText(text: string, options: PolicyValidationOptions): PolicyValidation {
  let document: unknown;
  try {
    document = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    return { ok: false, errors: [describeJsonSyntaxError(text, error)] };
  }
  return validatePolicy(document, options);
}

function stripByteOrderMark(text: string): string {
  // Windows editors (Notepad, PowerShell's Out-File) often save UTF-8 with a BOM.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function describeJsonSyntaxError(text: string, error: unknown): PolicyError {
  const raw = error instanceof Error ? error.message : String(error);
  const offset = errorOffset(raw, text);
  const body = stripByteOrderMark(text);
  if (body.trim() === '') return { pointer: '', message: 'The file is empty; a policy is a JSON object.' };
  // V8 messages look like `Expected ',' … in JSON at position 12`, or `Unexpected token '}', "…" is
  // not valid JSON` — the quoted excerpt is the document itself and may hold sensitive values.
  const reason = raw
    .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '')
    .replace(/^(Unexpected token '.+?'), .*is not valid JSON$/su, '$1');
  if (offset === undefined) return { pointer: '', message: `The file is not valid JSON: ${reason}.` };
  const { line, column } = lineAndColumn(body, offset);
  return { pointer: '', message: `The file is not valid JSON at line ${String(line)}, column ${String(column)}: ${reason}.` };
}

function errorOffset(message: string, text: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position?.[1] !== undefined) return Number(position[1]);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn?.[1] !== undefined && lineColumn[2] !== undefined) {
    const lines = stripByteOrderMark(text).split('\n');
    const before = lines.slice(0, Number(lineColumn[1]) - 1).reduce((sum, line) => sum + line.length + 1, 0);
    return before + Number(lineColumn[2]) - 1;
  }
  return longestValidPrefix(stripByteOrderMark(text));
}

/**
 * Where parsing fails, for engines whose message gives no position: the longest prefix that is
 * still a valid start of a JSON document (growing a prefix can only turn "incomplete" into
 * "wrong", never back), found by binary search.
 */
function longestValidPrefix(text: string): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (isValidStart(text.slice(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

function isValidStart(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    if (!(error instanceof SyntaxError)) return false;
    if (/end of JSON input/.test(error.message)) return true;
    // "… at position N" with N at the very end means the parser only wanted more text.
    const position = /at position (\d+)/.exec(error.message)?.[1];
    return position !== undefined && Number(position) >= prefix.length;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: last.length + 1 };
}

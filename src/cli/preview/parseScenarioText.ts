import { parsePolicyText } from '../../core/policy/parsePolicyText.ts';
import { validateScenario, type ScenarioValidation } from './validateScenario.ts';

/** Parses scenario JSON text and validates it; bad JSON gives one error with its line and column. */
export function parseScenarioText(text: string): ScenarioValidation {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: [{ pointer: '', message: 'The file is empty; a scenario is a JSON object with "agent" and "steps".' }] };
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    return { ok: false, errors: [{ pointer: '', message: describeSyntaxError(body) }] };
  }
  return validateScenario(document);
}

/**
 * The policy parser already locates a JSON syntax error (line and column, never quoting the
 * text); a syntax error stops it before any policy rule runs, so its sentence fits a scenario too.
 */
function describeSyntaxError(body: string): string {
  const parsed = parsePolicyText(body, { regexSafety: () => ({ safe: true }) });
  const first = parsed.ok ? undefined : parsed.errors[0];
  return first?.message ?? 'The file is not valid JSON.';
}

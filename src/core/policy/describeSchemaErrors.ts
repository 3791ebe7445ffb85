import { isPhoneCountry } from '../phone/phoneCountries.ts';
import { describeUnservedRegion } from '../regions/describeRegionProblem.ts';
import { closestWord } from './closestWord.ts';
import { pointerOf, segmentsOf, valueAt } from './jsonPointer.ts';
import type { PolicyError } from './PolicyError.ts';
import type { JsonSchema } from './policySchema.ts';
import type { SchemaError } from './policySchemaValidators.generated.js';

/**
 * Turns ajv's raw errors into sentences an IT person can act on. Values from the document are
 * quoted only where they are vocabulary (an unknown key, a word outside an enum) — never numbers
 * or free text, which could be customer data (a deny-listed phone number, say).
 */
export function describeSchemaErrors(errors: readonly SchemaError[], document: unknown, schema: JsonSchema): PolicyError[] {
  const described: PolicyError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const policyError = describeSchemaError(error, document, schema);
    const key = `${policyError.pointer}\u0000${policyError.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    described.push(policyError);
  }
  return described;
}

function describeSchemaError(error: SchemaError, document: unknown, schema: JsonSchema): PolicyError {
  const pointer = error.instancePath;
  const params = error.params;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys(schemaAt(schema, pointer)?.properties ?? {});
      const suggestion = closestWord(key, allowed);
      const hint =
        suggestion !== undefined
          ? ` (did you mean "${suggestion}"?)`
          : allowed.length > 0
            ? ` Allowed here: ${allowed.map((word) => `"${word}"`).join(', ')}.`
            : '';
      return {
        pointer: pointerOf([...segmentsOf(pointer), key]),
        message: `Unknown key "${quoteable(key)}"${suggestion !== undefined ? hint : `.${hint}`}`,
      };
    }
    case 'required': {
      const missing = String(params['missingProperty']);
      return {
        pointer: pointerOf([...segmentsOf(pointer), missing]),
        message: `Required setting "${missing}" is missing${pointer === '' ? '' : ` in ${pointer}`}.`,
      };
    }
    case 'type': {
      const expected = String(params['type']);
      return { pointer, message: `Expected ${article(expected)} but found ${describeJsonType(valueAt(document, pointer))}.` };
    }
    case 'enum': {
      if (isRegionPointer(pointer)) return { pointer, message: describeUnservedRegion(valueAt(document, pointer)) };
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'].map((value) => JSON.stringify(value)) : [];
      const actual = valueAt(document, pointer);
      const shown = typeof actual === 'string' ? `"${quoteable(actual)}"` : describeJsonType(actual);
      const cardHint = /^\/masking\/display\/pan$/.test(pointer) ? ' Card numbers are never shown beyond their last four digits.' : '';
      const words = Array.isArray(params['allowedValues']) ? params['allowedValues'].filter((value): value is string => typeof value === 'string') : [];
      const suggestion = typeof actual === 'string' ? closestWord(actual, words) : undefined;
      const meant = suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : '';
      return { pointer, message: `${capitalise(shown)} is not allowed here${meant}; use one of ${allowed.join(', ')}.${cardHint}` };
    }
    case 'pattern':
      return { pointer, message: patternHint(pointer, valueAt(document, pointer)) };
    case 'minLength':
      return { pointer, message: 'Must not be empty.' };
    case 'maxLength':
      return { pointer, message: `Too long: at most ${String(params['limit'])} characters.` };
    case 'minimum':
      return { pointer, message: `Must be at least ${String(params['limit'])}.` };
    case 'maximum':
      return { pointer, message: `Must be at most ${String(params['limit'])}.` };
    case 'minItems':
      return { pointer, message: `Needs at least ${String(params['limit'])} entries.` };
    case 'maxItems':
      return { pointer, message: `Too many entries: at most ${String(params['limit'])}.` };
    case 'uniqueItems':
      return { pointer, message: `Entries ${String(params['j'])} and ${String(params['i'])} are the same; list each value once.` };
    default:
      return { pointer, message: `${capitalise(error.message ?? 'is invalid')}.` };
  }
}

/** The sub-schema that describes the value at a pointer, following properties and items. */
function schemaAt(schema: JsonSchema, pointer: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const segment of segmentsOf(pointer)) {
    if (current === undefined) return undefined;
    current = current.type === 'array' ? current.items : current.properties?.[segment];
  }
  return current;
}

function isRegionPointer(pointer: string): boolean {
  return /^\/instance(?:\/alternates\/\d+)?\/region$/.test(pointer);
}

function patternHint(pointer: string, value: unknown): string {
  const shape = pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  switch (shape) {
    case '/dialing/defaultCountry':
    case '/dialing/allowedCountries/*':
      // Only two letters are quoted back: a country code, never customer data.
      if (typeof value === 'string' && /^[a-zA-Z]{2}$/.test(value) && isPhoneCountry(value.toUpperCase()))
        return `Country codes are written in capitals (did you mean "${value.toUpperCase()}"?).`;
      return 'Not a country code; write an ISO 3166-1 alpha-2 code in capitals, like "JP" or "US".';
    default:
      return 'Does not have the expected form.';
  }
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number with a fraction';
  if (value === undefined) return 'nothing';
  return article(typeof value);
}

function article(type: string): string {
  switch (type) {
    case 'integer':
      return 'a whole number';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'null':
      return 'null';
    default:
      return `a ${type}`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Keys and words come from the document; keep them short and on one line in messages. */
function quoteable(text: string): string {
  // Control characters are exactly what must not reach a one-line message.
  // eslint-disable-next-line no-control-regex
  const oneLine = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}

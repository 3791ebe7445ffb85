import { Ajv, type ErrorObject } from 'ajv';
import { closestWord } from '../../core/policy/closestWord.ts';
import { pointerOf, segmentsOf, valueAt } from '../../core/policy/jsonPointer.ts';
import type { Scenario, ScenarioStep } from './Scenario.ts';
import { STEP_SCHEMAS, scenarioSchema } from './scenarioSchema.ts';

/** One problem in a scenario: a JSON pointer to it and a sentence. Never quotes attribute values or message text. */
export interface ScenarioError {
  pointer: string;
  message: string;
}

export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const STEP_TYPES = Object.keys(STEP_SCHEMAS);

/** What only a chat has: messages, typing, attachments. */
const CHAT_ONLY = new Set<ScenarioStep['type']>(['chat', 'typing', 'attachment']);

/** Call controls that only a voice contact has (a chat has accept, reject and end). */
const VOICE_ONLY = new Set<ScenarioStep['type']>(['hold', 'resume', 'mute', 'unmute', 'keypad', 'transfer']);

// Compiled once per process; the CLI runs in Node, where ajv's code generation is allowed.
const ajv = new Ajv({ allErrors: true, discriminator: true, strict: true });
const checkSchema = ajv.compile<Scenario>(scenarioSchema);

/** The schema first, then what a schema cannot say: contact references and their order. */
export function validateScenario(document: unknown): ScenarioValidation {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: false, errors: [{ pointer: '', message: 'A scenario must be a JSON object with "agent" and "steps".' }] };
  }
  if (!checkSchema(document)) return { ok: false, errors: describeErrors(checkSchema.errors ?? [], document) };
  const errors = checkContactReferences(document.steps);
  return errors.length === 0 ? { ok: true, scenario: document } : { ok: false, errors };
}

function checkContactReferences(steps: readonly ScenarioStep[]): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const started = new Map<string, { index: number; channel: 'voice' | 'chat' }>();
  steps.forEach((step, index) => {
    if (step.type === 'contact') {
      const earlier = started.get(step.id);
      if (earlier !== undefined) {
        errors.push({
          pointer: pointerOf(['steps', index, 'id']),
          message: `Contact "${step.id}" was already started by /steps/${String(earlier.index)}; give each contact its own id.`,
        });
      } else {
        started.set(step.id, { index, channel: step.channel });
      }
      return;
    }
    if (!('contact' in step)) return;
    const contact = started.get(step.contact);
    const pointer = pointerOf(['steps', index, 'contact']);
    if (contact === undefined) {
      errors.push({ pointer, message: `No earlier "contact" step starts contact "${step.contact}"; add one before this step, or fix the id.` });
    } else if (CHAT_ONLY.has(step.type) && contact.channel !== 'chat') {
      errors.push({ pointer, message: `Contact "${step.contact}" is a voice call (/steps/${String(contact.index)}); "${step.type}" needs a chat contact.` });
    } else if (VOICE_ONLY.has(step.type) && contact.channel !== 'voice') {
      errors.push({
        pointer,
        message: `Contact "${step.contact}" is a chat (/steps/${String(contact.index)}); "${step.type}" is a call control and needs a voice contact.`,
      });
    }
  });
  return errors;
}

function describeErrors(errors: readonly ErrorObject[], document: unknown): ScenarioError[] {
  const described: ScenarioError[] = [];
  const seen = new Set<string>();
  // A step whose type is missing or unknown gets one sentence, not ajv's discriminator echo too.
  const badStepTypes = new Set(
    errors.flatMap((error) =>
      error.keyword === 'enum' && /^\/steps\/\d+\/type$/.test(error.instancePath)
        ? [error.instancePath]
        : error.keyword === 'required' && error.params['missingProperty'] === 'type' && /^\/steps\/\d+$/.test(error.instancePath)
          ? [`${error.instancePath}/type`]
          : [],
    ),
  );
  for (const error of errors) {
    if (error.keyword === 'discriminator' && badStepTypes.has(`${error.instancePath}/type`)) continue;
    const problem = describeError(error, document);
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    described.push(problem);
  }
  return described;
}

function describeError(error: ErrorObject, document: unknown): ScenarioError {
  const pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = allowedKeysAt(document, pointer);
      const suggestion = closestWord(key, allowed);
      const hint =
        suggestion !== undefined
          ? ` Did you mean "${suggestion}"?`
          : allowed.length > 0
            ? ` Allowed here: ${allowed.map((word) => `"${word}"`).join(', ')}.`
            : '';
      return { pointer: pointerOf([...segmentsOf(pointer), key]), message: `${isWord(key) ? `Unknown key "${key}"` : 'Unknown key'}.${hint}` };
    }
    case 'required': {
      const missing = String(params['missingProperty']);
      return { pointer: pointerOf([...segmentsOf(pointer), missing]), message: `"${missing}" is required${describeStepAt(document, pointer)}.` };
    }
    case 'type':
      return { pointer, message: `Expected ${describeExpectedType(params['type'])} but found ${describeJsonType(valueAt(document, pointer))}.` };
    case 'enum':
    case 'const': {
      const actual = valueAt(document, pointer);
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'].map(String) : [String(params['allowedValue'])];
      const isStepType = /^\/steps\/\d+\/type$/.test(pointer);
      const shown = typeof actual === 'string' && isWord(actual) ? `"${actual}"` : describeJsonType(actual);
      const suggestion = typeof actual === 'string' ? closestWord(actual, allowed) : undefined;
      const hint = suggestion !== undefined ? ` Did you mean "${suggestion}"?` : '';
      return {
        pointer,
        message: `${capitalise(shown)} is not ${isStepType ? 'a step type' : 'allowed here'}; use one of ${allowed.map((word) => `"${word}"`).join(', ')}.${hint}`,
      };
    }
    case 'discriminator':
      return {
        pointer: pointerOf([...segmentsOf(pointer), 'type']),
        message: `Each step needs a "type": one of ${STEP_TYPES.map((word) => `"${word}"`).join(', ')}.`,
      };
    case 'pattern':
      return /\/digits$/.test(pointer)
        ? { pointer, message: 'Keypad digits are 1 to 64 of 0-9, "*" and "#".' }
        : { pointer, message: 'Must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit.' };
    case 'minLength':
      return { pointer, message: 'Must not be empty.' };
    case 'maxLength':
      return { pointer, message: `Too long: at most ${String(params['limit'])} characters.` };
    case 'minItems':
      return { pointer, message: `Needs at least ${String(params['limit'])} entr${params['limit'] === 1 ? 'y' : 'ies'}.` };
    case 'maxItems':
      return { pointer, message: `Too many entries: at most ${String(params['limit'])}.` };
    case 'minProperties':
      return { pointer, message: 'Name at least one attribute.' };
    case 'uniqueItems':
      return { pointer, message: `Entries ${String(params['j'])} and ${String(params['i'])} are the same; list each value once.` };
    case 'propertyNames':
      return { pointer, message: 'Attribute names must be 1 to 128 characters.' };
    default:
      return { pointer, message: `${capitalise(error.message ?? 'is invalid')}.` };
  }
}

/** The keys the schema allows at a pointer: the root, the agent, or a step of the type it names. */
function allowedKeysAt(document: unknown, pointer: string): string[] {
  const segments = segmentsOf(pointer);
  if (segments.length === 0) return Object.keys(scenarioSchema.properties);
  if (segments.length === 1 && segments[0] === 'agent') return Object.keys(scenarioSchema.properties.agent.properties);
  if (segments.length === 2 && segments[0] === 'steps') {
    const type = valueAt(document, `${pointer}/type`);
    const schema = typeof type === 'string' && isStepType(type) ? STEP_SCHEMAS[type] : undefined;
    const properties = schema?.['properties'];
    if (typeof properties === 'object' && properties !== null) return Object.keys(properties);
  }
  return [];
}

function describeStepAt(document: unknown, pointer: string): string {
  if (!/^\/steps\/\d+$/.test(pointer)) return pointer === '' ? ' in a scenario' : ` in ${pointer}`;
  const type = valueAt(document, `${pointer}/type`);
  return typeof type === 'string' && isWord(type) ? ` in a step of type "${type}"` : ' in every step';
}

function isStepType(type: string): type is keyof typeof STEP_SCHEMAS {
  return STEP_TYPES.includes(type);
}

function describeExpectedType(type: unknown): string {
  const names = Array.isArray(type) ? type.map(String) : [String(type)];
  return names
    .map((name) => (name === 'null' ? 'null' : name === 'object' || name === 'array' || name === 'integer' ? `an ${name}` : `a ${name}`))
    .join(' or ');
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'nothing';
  return `a ${typeof value}`;
}

/**
 * Keys, step types and channels are vocabulary and worth echoing; a string with spaces or mostly
 * digits may be test customer data put in the wrong place, so it is described, not quoted.
 */
function isWord(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9._/-]{0,39}$/.test(text) && (text.match(/\d/g)?.length ?? 0) < 4;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

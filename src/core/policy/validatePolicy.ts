import { checkPolicySemantics } from './checkPolicySemantics.ts';
import { describeSchemaErrors } from './describeSchemaErrors.ts';
import type { Policy } from './Policy.ts';
import type { PolicyError } from './PolicyError.ts';
import { policyFragmentSchema, policySchema, type JsonSchema } from './policySchema.ts';
import type { GeneratedValidator } from './policySchemaValidators.generated.js';
import { validateDocumentSchema, validateFragmentSchema } from './policySchemaValidators.ts';
import type { RegexSafetyCheck } from './regexSafety.ts';

export type PolicyValidation = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

/** A policy part as managed storage or local options hold it: like Policy, but the instance may come from elsewhere. */
type PolicyFragment = Partial<Policy>;

export type PolicyFragmentValidation = { ok: true; policy: PolicyFragment } | { ok: false; errors: PolicyError[] };

export interface PolicyValidationOptions {
  /** The ReDoS analyser; pass `checkRegexSafety` from `recheckRegexSafety.ts`. */
  regexSafety: RegexSafetyCheck;
}

/** Validates a complete policy document: the schema (every unknown key and wrong type is an error), then the semantic checks. */
export function validatePolicy(document: unknown, options: PolicyValidationOptions): PolicyValidation {
  const errors = collectErrors(document, validateDocumentSchema, policySchema, options);
  return errors.length === 0 ? { ok: true, policy: document as Policy } : { ok: false, errors };
}

/** Validates one side of a merge, where `instance` may be left to the other side. */
export function validatePolicyFragment(document: unknown, options: PolicyValidationOptions): PolicyFragmentValidation {
  const errors = collectErrors(document, validateFragmentSchema, policyFragmentSchema, options);
  return errors.length === 0 ? { ok: true, policy: document as PolicyFragment } : { ok: false, errors };
}

function collectErrors(document: unknown, validator: GeneratedValidator, schema: JsonSchema, options: PolicyValidationOptions): PolicyError[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return [{ pointer: '', message: 'A policy must be a JSON object, like {"instance": {"ccpUrl": "https://example.my.connect.aws/ccp-v2"}}.' }];
  }
  const schemaErrors = validator(document) ? [] : describeSchemaErrors(validator.errors ?? [], document, schema);
  const semanticErrors = checkPolicySemantics(document, options.regexSafety);
  const known = new Set(schemaErrors.map((error) => error.pointer));
  // A value the schema already rejected needs no second sentence about the same spot.
  return [...schemaErrors, ...semanticErrors.filter((error) => !known.has(error.pointer))];
}

import { createPolicyValidators, type GeneratedValidator } from './policySchemaValidators.generated.js';

/**
 * The schema validators the policy checks run: ajv's generated fragment validator, built on first
 * use, and the complete policy's validator made from it.
 */

/** Built on first use (see `createPolicyValidators`): a woken worker that keeps its verdict never builds it. */
let generated: ReturnType<typeof createPolicyValidators> | null = null;

export const validateFragmentSchema: GeneratedValidator = (document) => {
  generated ??= createPolicyValidators();
  const { validatePolicyFragment } = generated;
  const valid = validatePolicyFragment(document);
  validateFragmentSchema.errors = validatePolicyFragment.errors ?? null;
  return valid;
};

/**
 * The complete policy's schema is the fragment's with `instance` required at the top: the fragment
 * validator, then that one check, reported as ajv reports it (first, as ajv's validator for the
 * complete schema lists it; a unit test compares the two on many documents).
 */
export const validateDocumentSchema: GeneratedValidator = (document) => {
  const valid = validateFragmentSchema(document);
  const errors = validateFragmentSchema.errors ?? [];
  const missingInstance =
    typeof document === 'object' && document !== null && !Array.isArray(document) && (document as Record<string, unknown>)['instance'] === undefined;
  validateDocumentSchema.errors = missingInstance
    ? [
        {
          instancePath: '',
          schemaPath: '#/required',
          keyword: 'required',
          params: { missingProperty: 'instance' },
          message: "must have required property 'instance'",
        },
        ...errors,
      ]
    : valid
      ? null
      : errors;
  return valid && !missingInstance;
};

import type { AttributeRuleKind, DetectorName, DisplayFormat, SensitiveKind } from './Policy.ts';

/**
 * The closed word lists of the policy, as values. The schema's enums and the defaults are built
 * from these, and the `satisfies` clauses below fail to compile when Policy.ts gains a word that
 * is missing here.
 */
export const SENSITIVE_KINDS = [
  'pan',
  'ssn',
  'myNumber',
  'idDocument',
  'iban',
  'abaRouting',
  'accountNumber',
  'email',
  'phone',
  'dob',
  'ciphertext',
  'secret',
  'custom',
] as const satisfies readonly SensitiveKind[];

export const ATTRIBUTE_RULE_KINDS = [...SENSITIVE_KINDS, 'public'] as const satisfies readonly AttributeRuleKind[];

export const DETECTOR_NAMES = [
  'pan',
  'ssn',
  'myNumber',
  'idDocument',
  'iban',
  'abaRouting',
  'accountNumber',
  'email',
  'phone',
  'dob',
  'ciphertext',
] as const satisfies readonly DetectorName[];

export const DISPLAY_FORMATS = ['lastFour', 'full', 'label'] as const satisfies readonly DisplayFormat[];

/** Detectors an organization may not switch off: PCI DSS scope and encrypted payloads. */
export const MANDATORY_DETECTORS = ['pan', 'ciphertext'] as const satisfies readonly DetectorName[];

/** Kinds that no role may reveal in full: a card number never leaves the last four, ciphertext is never data. */
export const NEVER_REVEALABLE_KINDS = ['pan', 'ciphertext'] as const satisfies readonly SensitiveKind[];

// Exhaustiveness: each list must name every member of its union.
type Missing<All, Listed> = Exclude<All, Listed>;
const sensitiveKindsComplete: Missing<SensitiveKind, (typeof SENSITIVE_KINDS)[number]> extends never ? true : false = true;
const detectorNamesComplete: Missing<DetectorName, (typeof DETECTOR_NAMES)[number]> extends never ? true : false = true;
const displayFormatsComplete: Missing<DisplayFormat, (typeof DISPLAY_FORMATS)[number]> extends never ? true : false = true;
void sensitiveKindsComplete;
void detectorNamesComplete;
void displayFormatsComplete;

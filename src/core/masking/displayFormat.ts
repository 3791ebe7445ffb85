import type { DisplayFormat, MaskingSettings, SensitiveKind } from '../policy/Policy.ts';
import { DEFAULT_DISPLAY } from '../policy/policyDefaults.ts';
import { normalizeForDetection } from './normalizeForDetection.ts';

/** Eight bullets whatever the value's length: the length itself can tell an SSN from a card. */
export const FULL_MASK = '••••••••';
/** What a value that could not be classified (fail closed) is drawn as. */
export const HIDDEN_PLACEHOLDER = '[hidden]';

/**
 * The English labels, for callers that pass none (tests, the bench). The shell and the CLI pass the
 * table of the agent's locale from `_locales/<locale>/messages.json` (`maskLabel_<kind>`), see `MaskLabels`.
 */
export const KIND_LABELS: Readonly<Record<SensitiveKind, string>> = {
  pan: 'Card number',
  ssn: 'SSN',
  myNumber: 'My Number',
  idDocument: 'ID document number',
  iban: 'IBAN',
  abaRouting: 'Routing number',
  accountNumber: 'Account number',
  email: 'Email',
  phone: 'Phone',
  dob: 'Date of birth',
  ciphertext: 'Encrypted',
  secret: 'Secret',
  custom: 'Hidden',
};

/** How much each format shows; a merged span takes the strictest of its parts. */
const REVEALS: Readonly<Record<DisplayFormat, number>> = { lastFour: 1, full: 0, label: 0 };

export function stricterFormat(a: DisplayFormat, b: DisplayFormat): DisplayFormat {
  return REVEALS[b] < REVEALS[a] ? b : a;
}

/** The words a label shows, in the agent's language: `[Email]`, or `[メール]` in Japanese. */
export type MaskLabels = (kind: SensitiveKind) => string;

export const ENGLISH_LABELS: MaskLabels = (kind) => KIND_LABELS[kind];

/**
 * The format the policy asks for (the policy's defaults when it says nothing, the same table the
 * effective policy is filled from, so an engine built from a bare policy draws what the shell draws), capped: `lastFour` is already the most any format shows, so the
 * PCI cap for cards holds by construction; ciphertext never shows even four characters.
 */
export function displayFormatFor(kind: SensitiveKind, masking: MaskingSettings | undefined): DisplayFormat {
  const format = masking?.display?.[kind] ?? DEFAULT_DISPLAY[kind];
  if (kind === 'ciphertext' && format === 'lastFour') return 'label';
  return format;
}

/** Kinds whose last four are digits; for the others the last four letters or digits are shown. */
const DIGIT_KINDS: ReadonlySet<SensitiveKind> = new Set(['pan', 'ssn', 'myNumber', 'abaRouting', 'accountNumber', 'phone']);
/** Below this many characters, four of them would be half the value: show the full mask instead. */
const MIN_FOR_LAST_FOUR = 8;

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiAlnumCode(code: number): boolean {
  return isDigitCode(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function lastFourOf(kind: SensitiveKind, normalizedSpan: string): string | null {
  const digitsOnly = DIGIT_KINDS.has(kind);
  // From the end: the last four are collected first, and the count only has to reach eight.
  let four = '';
  let count = 0;
  for (let i = normalizedSpan.length - 1; i >= 0 && count < MIN_FOR_LAST_FOUR; i--) {
    const code = normalizedSpan.charCodeAt(i);
    if (!(digitsOnly ? isDigitCode(code) : isAsciiAlnumCode(code))) continue;
    if (count < 4) four = normalizedSpan.charAt(i) + four;
    count++;
  }
  return count >= MIN_FOR_LAST_FOUR ? four : null;
}

/**
 * The replacement for one masked span. `normalizedSpan` is the span after normalisation, so
 * full-width digits come out as ASCII. `label` overrides the kind's label (custom patterns).
 */
export function renderMasked(kind: SensitiveKind, format: DisplayFormat, normalizedSpan: string, label?: string, labels: MaskLabels = ENGLISH_LABELS): string {
  switch (format) {
    case 'label':
      return `[${label ?? labels(kind)}]`;
    case 'full':
      return FULL_MASK;
    case 'lastFour': {
      const four = lastFourOf(kind, normalizedSpan);
      return four === null ? FULL_MASK : `•••• ${four}`;
    }
  }
}

/**
 * `renderMasked(kind, 'lastFour', …)` of `text.slice(start, end)` after normalisation, read in
 * place: normalisation never changes an ASCII character, so when the last eight letters or digits
 * are reached from the end without meeting another character, they are the normalised span's. Only
 * a span that holds one there (full-width digits, invisible characters) is cut and normalised.
 */
export function renderLastFour(kind: SensitiveKind, text: string, start: number, end: number): string {
  const digitsOnly = DIGIT_KINDS.has(kind);
  // Where the last four are: most often four characters in a row ("…1111"), cut as one slice.
  let fourth = -1;
  let last = -1;
  let gapped = false;
  let count = 0;
  for (let i = end - 1; i >= start && count < MIN_FOR_LAST_FOUR; i--) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return renderMasked(kind, 'lastFour', normalizeForDetection(text.slice(start, end)).text);
    if (!(digitsOnly ? isDigitCode(code) : isAsciiAlnumCode(code))) {
      if (count > 0 && count < 4) gapped = true;
      continue;
    }
    if (count === 0) last = i;
    if (count === 3) fourth = i;
    count++;
  }
  if (count < MIN_FOR_LAST_FOUR) return FULL_MASK;
  return `•••• ${gapped ? fourOf(text, fourth, last, digitsOnly) : text.slice(fourth, last + 1)}`;
}

/** The four letters or digits of `text[from, to]` (both ends among them), the others between left out. */
function fourOf(text: string, from: number, to: number, digitsOnly: boolean): string {
  let four = '';
  for (let i = from; i <= to; i++) {
    const code = text.charCodeAt(i);
    if (digitsOnly ? isDigitCode(code) : isAsciiAlnumCode(code)) four += text.charAt(i);
  }
  return four;
}

import type { SensitiveKind } from '../policy/Policy.ts';
import type { NameWords } from './contextWords.ts';
import type { DigitSpan } from './digitSpans.ts';
import type { DigitGroupFindings } from './findInDigitGroups.ts';
import type { IbanShape } from './detectors/iban.ts';

/** Where a detector found something. Offsets into the scanned text, never the text itself. */
export interface Finding {
  kind: SensitiveKind;
  start: number;
  end: number;
  /** Which detector said so, e.g. `pan`, `ssn`, `custom:policyNumber`. */
  detector: string;
  /**
   * The finding is the leading part of a secret that continues in the next text or attribute: it is
   * drawn without its last four (those belong to the part where the secret ends).
   */
  continues?: true;
}

/** What every detector scans. */
export interface DetectionInput {
  /** The value after `normalizeForDetection`; findings are offsets into this text. */
  text: string;
  /** `text` lower-cased (ASCII only), computed on first use, for context-word look-ups. */
  lower: string;
  /** The attribute the value came from, split into words once; some detectors use it as context. */
  attributeName: NameWords | undefined;
  /** Every maximal run of ASCII digits, found once and shared by the number detectors. */
  digitSpans(): readonly DigitSpan[];
  /** `findInDigitGroups(this)`: the card, SSN, My Number and routing findings of one walk over the value's digit-group runs, computed once. */
  digitGroupFindings(): DigitGroupFindings;
  /** Maximal base64 runs of 20 characters or more, from the same pass that found the digit spans. */
  base64Runs(): readonly DigitSpan[];
  /** `labelFamiliesIn(text)`, computed once: which families of label words the text mentions (`LABEL_FAMILY` bits). */
  labelFamilies(): number;
  /** `findIbanShapes(text)`, computed once: the IBAN detector and the engine's reference filter share it. */
  ibanShapes(): readonly IbanShape[];
}

export interface Detector {
  name: string;
  detect(input: DetectionInput): Finding[];
}

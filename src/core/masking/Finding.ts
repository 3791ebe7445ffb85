import type { SensitiveKind } from '../policy/Policy.ts';
import type { NameWords } from './contextWords.ts';
import type { DigitSpan } from './digitSpans.ts';
import type { DigitRun } from './scanDigitGroups.ts';

/** Where a detector found something. Offsets into the scanned text, never the text itself. */
export interface Finding {
  kind: SensitiveKind;
  start: number;
  end: number;
  /** Which detector said so, e.g. `pan`, `ssn`, `custom:policyNumber`. */
  detector: string;
}

/** What every detector scans. */
export interface DetectionInput {
  /** The value after `normalizeForDetection` (same length and offsets as the original). */
  text: string;
  /** `text` lower-cased once, for context-word look-ups. */
  lower: string;
  /** The attribute the value came from, split into words once; some detectors use it as context. */
  attributeName: NameWords | undefined;
  /** `findDigitSpans(text)`, computed once and shared by the number detectors. */
  digitSpans(): readonly DigitSpan[];
  /** `scanDigitRuns(text)`, computed once from the same spans. */
  digitRuns(): DigitRun[];
}

export interface Detector {
  name: string;
  detect(input: DetectionInput): Finding[];
}

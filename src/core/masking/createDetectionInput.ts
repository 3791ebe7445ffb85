import { describeName, type NameWords } from './contextWords.ts';
import { findIbanShapes, type IbanShape } from './detectors/iban.ts';
import type { DigitSpan } from './digitSpans.ts';
import type { DetectionInput } from './Finding.ts';
import { findInDigitGroups, type DigitGroupFindings } from './findInDigitGroups.ts';
import { labelFamiliesIn } from './labelMentions.ts';
import { lowerAscii, normalizeForDetection, type NormalizedText } from './normalizeForDetection.ts';
import { scanCandidates, type ValueCandidates } from './scanCandidates.ts';

/**
 * Everything the detectors share about one value, prepared once: the normalised text, the
 * candidates of one pass over it (digit spans, base64 runs), and on first use its lower-case form,
 * the card, SSN, My Number and routing findings of one walk over its digit groups, and the IBAN shapes. A class rather than closures: nothing is allocated per
 * value for what no detector asks about.
 */
class PreparedValue implements DetectionInput {
  readonly text: string;
  readonly attributeName: NameWords | undefined;
  private readonly candidates: ValueCandidates;
  private lowered: string | null = null;
  private ibans: IbanShape[] | null = null;
  private groupFindings: DigitGroupFindings | null = null;
  private families = -1;

  constructor(
    readonly normalized: NormalizedText,
    attributeName: NameWords | undefined,
  ) {
    this.text = normalized.text;
    this.attributeName = attributeName;
    this.candidates = scanCandidates(normalized.text);
  }

  get lower(): string {
    this.lowered ??= this.candidates.hasCapital ? lowerAscii(this.text) : this.text;
    return this.lowered;
  }

  digitSpans(): readonly DigitSpan[] {
    return this.candidates.digitSpans;
  }

  digitGroupFindings(): DigitGroupFindings {
    this.groupFindings ??= findInDigitGroups(this);
    return this.groupFindings;
  }

  base64Runs(): readonly DigitSpan[] {
    return this.candidates.base64Runs;
  }

  labelFamilies(): number {
    if (this.families < 0) this.families = labelFamiliesIn(this.text);
    return this.families;
  }

  ibanShapes(): readonly IbanShape[] {
    this.ibans ??= findIbanShapes(this.text, this.candidates.digitSpans);
    return this.ibans;
  }
}

export function createDetectionInput(text: string, attributeName: string | NameWords | undefined): DetectionInput & { normalized: NormalizedText } {
  return new PreparedValue(normalizeForDetection(text), typeof attributeName === 'string' ? describeName(attributeName) : attributeName);
}

import { describeName, type NameWords } from './contextWords.ts';
import { findIbanShapes, type IbanShape } from './detectors/iban.ts';
import type { DetectionInput } from './Finding.ts';
import { lowerAscii, normalizeForDetection, type NormalizedText } from './normalizeForDetection.ts';
import { lazyDigitScans } from './scanDigitGroups.ts';

/**
 * Everything the detectors share about one value, prepared once: the normalised text, its
 * lower-case form, the attribute name's words and (on first use) the digit groups and IBAN shapes.
 * Each detector used to redo some of this for itself.
 */
export function createDetectionInput(text: string, attributeName: string | NameWords | undefined): DetectionInput & { normalized: NormalizedText } {
  const normalized = normalizeForDetection(text);
  let ibans: IbanShape[] | null = null;
  const digits = lazyDigitScans(normalized.text);
  return {
    text: normalized.text,
    normalized,
    lower: lowerAscii(normalized.text),
    attributeName: typeof attributeName === 'string' ? describeName(attributeName) : attributeName,
    ...digits,
    ibanShapes: () => (ibans ??= findIbanShapes(normalized.text, digits.digitSpans())),
  };
}

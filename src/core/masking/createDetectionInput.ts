import { describeName, type NameWords } from './contextWords.ts';
import type { DetectionInput } from './Finding.ts';
import { lowerAscii, normalizeForDetection } from './normalizeForDetection.ts';
import { lazyDigitScans } from './scanDigitGroups.ts';

/**
 * Everything the detectors share about one value, prepared once: the normalised text, its
 * lower-case form, the attribute name's words and (on first use) the digit groups. Each detector
 * used to redo some of this for itself.
 */
export function createDetectionInput(text: string, attributeName: string | NameWords | undefined): DetectionInput {
  const normalized = normalizeForDetection(text);
  return {
    text: normalized,
    lower: lowerAscii(normalized),
    attributeName: typeof attributeName === 'string' ? describeName(attributeName) : attributeName,
    ...lazyDigitScans(normalized),
  };
}

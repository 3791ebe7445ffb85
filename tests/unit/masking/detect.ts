import type { Detector } from '../../../src/core/masking/Finding.ts';
import { lowerAscii, normalizeForDetection } from '../../../src/core/masking/normalizeForDetection.ts';
import { lazyDigitRuns } from '../../../src/core/masking/scanDigitGroups.ts';

/** Runs one detector on `text` the way the engine does and returns the matched substrings. */
export function spansFound(detector: Detector, text: string, attributeName?: string): string[] {
  const normalized = normalizeForDetection(text);
  return detector
    .detect({ text: normalized, lower: lowerAscii(normalized), attributeName, digitRuns: lazyDigitRuns(normalized) })
    .map((f) => text.slice(f.start, f.end));
}

import { createDetectionInput } from '../../../src/core/masking/createDetectionInput.ts';
import type { Detector } from '../../../src/core/masking/Finding.ts';

/** Runs one detector on `text` the way the engine does and returns the matched substrings. */
export function spansFound(detector: Detector, text: string, attributeName?: string): string[] {
  return detector.detect(createDetectionInput(text, attributeName)).map((f) => text.slice(f.start, f.end));
}

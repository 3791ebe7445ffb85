import bidiFactory, { type Bidi } from 'bidi-js';

/**
 * The text as a reader sees it, left to right on screen, when the browser draws it in another
 * order than it is stored. The Unicode Bidirectional Algorithm draws characters after a
 * right-to-left override (U+202E) right to left, and number groups between right-to-left letters
 * (Arabic, Hebrew) or after a right-to-left mark in reverse group order: `1111 1111 1111 4111`
 * after an Arabic word is drawn `4111 1111 1111 1111`. The detectors read the stored order; the
 * engine also runs them on these readings, so a secret is found in the order it is shown.
 *
 * A reading has the stored text's length; `storedIndex` maps each of its positions back.
 * Both paragraph directions are read: a page may lay the text out left to right or right to left.
 */
export interface VisualReading {
  text: string;
  storedIndex(visualIndex: number): number;
}

/**
 * Any character that can make the drawn order differ: Hebrew, Arabic, Syriac, Thaana, NKo,
 * Samaritan, Mandaic and their presentation forms; the right-to-left mark, Arabic letter mark,
 * embedding, override and isolate; right-to-left scripts outside the BMP (U+10800–10FFF,
 * U+1E800–1EFFF). Text without one (nearly all) is drawn in stored order and read once.
 */
const RIGHT_TO_LEFT =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u061c\u202b\u202e\u2067]|\ud802[\udc00-\udfff]|\ud803[\udc00-\udfff]|\ud83a[\udc00-\udfff]|\ud83b[\udc00-\udfff]/;

/**
 * The same characters as one class, the surrogate pairs by their high half alone: a class is
 * scanned far faster than the alternation above, and a text without any of these (nearly all)
 * holds no right-to-left character. The exact pattern is asked only when one is there.
 */
const MAYBE_RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u061c\u202b\u202e\u2067\ud802\ud803\ud83a\ud83b]/;

let bidi: Bidi | null = null;

export function visualReadings(text: string): VisualReading[] {
  if (!MAYBE_RIGHT_TO_LEFT.test(text) || !RIGHT_TO_LEFT.test(text)) return [];
  bidi ??= bidiFactory();
  const readings: VisualReading[] = [];
  for (const direction of ['ltr', 'rtl'] as const) {
    const reading = readingIn(bidi, text, direction);
    if (reading.text !== text && !readings.some((known) => known.text === reading.text)) readings.push(reading);
  }
  return readings;
}

function readingIn(engine: Bidi, text: string, direction: 'ltr' | 'rtl'): VisualReading {
  const levels = engine.getEmbeddingLevels(text, direction);
  const order: number[] = [];
  // Each paragraph (line) is drawn on its own: lines keep their order.
  for (const paragraph of levels.paragraphs) order.push(...engine.getReorderedIndices(text, levels, paragraph.start, paragraph.end));
  const mirrored = engine.getMirroredCharactersMap(text, levels.levels);
  keepSurrogatePairsInOrder(text, order);
  const visual = order.map((index) => mirrored.get(index) ?? text.charAt(index)).join('');
  return { text: visual, storedIndex: (visualIndex) => order[visualIndex] ?? text.length };
}

/** A reversed run puts a pair's low half before its high half; such a character is drawn whole. */
function keepSurrogatePairsInOrder(text: string, order: number[]): void {
  for (let i = 0; i + 1 < order.length; i++) {
    const first = order[i] ?? 0;
    const second = order[i + 1] ?? 0;
    if (second === first - 1 && isHighSurrogate(text.charCodeAt(second)) && isLowSurrogate(text.charCodeAt(first))) {
      order[i] = second;
      order[i + 1] = first;
      i++;
    }
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

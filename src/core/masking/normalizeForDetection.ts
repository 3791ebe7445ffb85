import { digitPauseReplacements } from './digitPauses.ts';
import { percentEncodedReplacements } from './percentEncoding.ts';
import { spokenDigitReplacements } from './spokenDigits.ts';
import { applyReplacements, composeRewrites, type Replacement } from './textRewrite.ts';

/**
 * What the detectors scan: the value with look-alike characters folded to ASCII, and a map back to
 * the original's offsets, so that the text around a finding is kept verbatim.
 *
 * - One code unit for one code unit (offsets unchanged): full-width digits and letters (４１１１…),
 *   full-width and typographic dashes, the many Unicode spaces; zero-width space, soft hyphen and
 *   BOM become spaces, so they act as the group separators they were meant to hide.
 * - NFKC for everything else that has a compatibility form: mathematical (𝟒), circled (④, ⑩ → 10),
 *   superscript and subscript digits (⁴, ₄), half-width katakana (with its voiced mark as one
 *   kana: ﾊﾞ → バ). These may change the length.
 * - Invisible format characters are dropped, as the reader never sees them: the invisible
 *   separator and its siblings (U+2061–2064), the combining grapheme joiner (U+034F), variation
 *   selectors (U+FE00–FE0F), direction marks and embeddings (U+200E/F, U+202A–202E, U+2066–2069),
 *   the combining keycap (U+20E3) and the Mongolian vowel separator; combining marks (U+0300–036F
 *   and their supplements, U+20D0–20FF): a reader sees 4̲ or 4⃝ as the digit under the mark; tag
 *   characters (U+E0000–E007F).
 * - Decimal digits of every script (Arabic-Indic ٤, Persian ۴, Devanagari ४, Thai ๔, Adlam…) and
 *   the circled numbers NFKC leaves alone (❹, ➃, ➍, ⓸) become ASCII digits: an Arabic or Hindi keyboard types them, and an agent reads them as the number.
 * - Blank-looking letters (Hangul fillers, the braille blank) become spaces, line and paragraph
 *   separators (U+2028/2029) line breaks.
 * - Then numbers read out in words become digits (`spokenDigitReplacements`: "four three seven five",
 *   三〇八二), each digit mapped back to its word, and a number's signs percent-encoded in a URL
 *   (`%2B44…`, `4111%201111…`) the signs they stand for (`percentEncodedReplacements`).
 */
export interface NormalizedText {
  /** The folded text the detectors scan. */
  text: string;
  /** Offsets of a span of `text` in the original; the identity when no character changed length. */
  originalStart(index: number): number;
  originalEnd(index: number): number;
  /** True when `text` is not offset-for-offset the original (some character expanded or was dropped). */
  remapped: boolean;
  /**
   * True when the original holds no character but ASCII, the common ideographs, kana and Japanese
   * punctuation (none of `MAY_FOLD`): no right-to-left character either, so the text is drawn in
   * stored order and the engine reads it once.
   */
  plain: boolean;
}

export function normalizeForDetection(original: string): NormalizedText {
  const folded = foldLookAlikes(original);
  // How a number is written first (its signs percent-encoded, a pause between its groups), then
  // how it is said, read on the text with those undone: "3、8、…1、5、0、7" is said one digit at a time.
  const written: Replacement[] = [];
  percentEncodedReplacements(folded.text, written);
  digitPauseReplacements(folded.text, written);
  const unwritten = applyReplacements(folded.text, written);
  const said: Replacement[] = [];
  spokenDigitReplacements(unwritten?.text ?? folded.text, said);
  const unsaid = applyReplacements(unwritten?.text ?? folded.text, said);
  const spoken = unwritten === null ? unsaid : unsaid === null ? unwritten : composeRewrites(unwritten, unsaid);
  if (spoken === null) return folded;
  const { starts, ends } = spoken;
  const length = folded.text.length;
  return {
    text: spoken.text,
    remapped: true,
    plain: folded.plain,
    originalStart: (index) => folded.originalStart(index < starts.length ? (starts[index] ?? length) : length),
    originalEnd: (index) => folded.originalEnd(index <= 0 ? (starts[0] ?? 0) : (ends[index - 1] ?? length)),
  };
}

const SPACE = 0x20;
const HYPHEN = 0x2d;
const LINE_FEED = 0x0a;

const identityStart = (index: number): number => index;
const identityEnd = (index: number): number => index;

/** A text whose offsets are the original's. */
function unmapped(text: string, plain = false): NormalizedText {
  return { text, remapped: false, plain, originalStart: identityStart, originalEnd: identityEnd };
}

/**
 * The characters that may need folding: everything but ASCII, the common ideographs, and the
 * kana and Japanese punctuation (U+3001–30FE) that map to themselves whatever stands around them
 * (no compatibility form, not a space or a dash); ー (U+30FC) and の (U+306E) are still visited, as they join digits
 * (a dash between them), and 〶 and 〸–〺 have compatibility forms. The native regex engine skips the
 * rest far faster than a loop reading each character, and a value with none (English, most
 * Japanese) is returned as it is, without a copy. Global, for `lastIndex`; `test` allocates no
 * match. (An alternation that skips ー outside digits scanned three times slower.)
 */
const MAY_FOLD = /[\u0080-\u3000\u3036\u3038-\u303a\u306e\u309b\u309c\u309f\u30fc\u30ff-\u4dff\ua000-\uffff]/g;

function foldLookAlikes(original: string): NormalizedText {
  MAY_FOLD.lastIndex = 0;
  if (!MAY_FOLD.test(original)) return unmapped(original, true);
  // Unchanged stretches are copied as slices: most values come back nearly as they are.
  let out = '';
  let copiedUntil = 0;
  // Filled only once a character changes length: original [start, end) of each output code unit.
  let starts: number[] | null = null;
  let ends: number[] | null = null;
  // True while every character visited is a kana that joins digits (ー, の): the text is still plain.
  let onlyJoiners = true;
  // From each character that may fold to the next: what lies between is ASCII or plain CJK, which
  // the loop below would pass over unchanged.
  for (let i = MAY_FOLD.lastIndex - 1; i < original.length; i = nextThatMayFold(original, i + 1)) {
    const code = original.charCodeAt(i);
    const joiner = isDigitJoiningKana(code);
    if (!joiner) onlyJoiners = false;
    const mapped = joiner ? (betweenDigits(original, i) ? HYPHEN : code) : mapCodeUnit(code);
    if (mapped !== code) {
      emitIdentity(starts, ends, copiedUntil, i + 1);
      out += original.slice(copiedUntil, i) + String.fromCharCode(mapped);
      copiedUntil = i + 1;
      continue;
    }
    const width = (code >= 0xd800 && code <= 0xdbff && i + 1 < original.length) || isHalfWidthKanaWithMark(original, i, code) ? 2 : 1;
    const replacement = isInvisible(code) ? '' : compatibilityForm(original, i, width);
    if (replacement === null) {
      i += width - 1;
      continue;
    }
    if (replacement.length === width) {
      emitIdentity(starts, ends, copiedUntil, i + width);
      out += original.slice(copiedUntil, i) + replacement;
      copiedUntil = i + width;
      i += width - 1;
      continue;
    }
    if (starts === null || ends === null) {
      starts = [];
      ends = [];
      for (let k = 0; k < out.length + (i - copiedUntil); k++) {
        // Everything before this point was one for one.
        starts.push(k);
        ends.push(k + 1);
      }
      out += original.slice(copiedUntil, i);
    } else {
      emitIdentity(starts, ends, copiedUntil, i);
      out += original.slice(copiedUntil, i);
    }
    for (let k = 0; k < replacement.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    out += replacement;
    copiedUntil = i + width;
    i += width - 1;
  }
  if (copiedUntil === 0) return unmapped(original, onlyJoiners);
  emitIdentity(starts, ends, copiedUntil, original.length);
  const text = out + original.slice(copiedUntil);
  if (starts === null || ends === null) return unmapped(text, onlyJoiners);
  const startOf = starts;
  const endOf = ends;
  return {
    text,
    remapped: true,
    plain: false,
    originalStart: (index) => (index < startOf.length ? (startOf[index] ?? original.length) : original.length),
    originalEnd: (index) => (index <= 0 ? (startOf[0] ?? 0) : (endOf[index - 1] ?? original.length)),
  };
}

/** The index of the first character at or after `from` that may fold, or the text's length. */
function nextThatMayFold(text: string, from: number): number {
  MAY_FOLD.lastIndex = from;
  return MAY_FOLD.test(text) ? MAY_FOLD.lastIndex - 1 : text.length;
}

/** Once the offset map exists, characters copied one for one map to themselves. */
function emitIdentity(starts: number[] | null, ends: number[] | null, from: number, to: number): void {
  if (starts === null || ends === null) return;
  for (let k = from; k < to; k++) {
    starts.push(k);
    ends.push(k + 1);
  }
}

/**
 * A half-width kana followed by the half-width voiced or semi-voiced mark (ﾊﾞ, ﾊﾟ): NFKC of the pair
 * is the one kana the reader sees (バ, パ), where each on its own would leave a combining mark
 * inside the word (ﾏｲﾅﾝﾊﾞｰ must read マイナンバー).
 */
function isHalfWidthKanaWithMark(text: string, i: number, code: number): boolean {
  if (code < 0xff66 || code > 0xff9d) return false;
  const next = text.charCodeAt(i + 1);
  return next === 0xff9e || next === 0xff9f;
}

function isInvisible(code: number): boolean {
  return (
    (code >= 0x2061 && code <= 0x2064) ||
    code === 0x034f ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x20e3 ||
    code === 0x180e ||
    isCombiningMark(code)
  );
}

function isCombiningMark(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

/** NFKC results per character, shared by every engine: there are only so many distinct characters. */
const COMPATIBILITY_FORMS = new Map<string, string | null>();
const MAX_FORMS = 4096;

/**
 * For each BMP code unit, whether its NFKC form is itself (1) or not (2), 0 until first asked: most
 * non-ASCII characters in contact data (〒, ¥, kanji outside the common block, accents) are their
 * own form, and this answers without cutting a one-character string for a look-up.
 */
const UNCHANGED_BY_NFKC = new Uint8Array(0x10000);
const IS_OWN_FORM = 1;
const HAS_OTHER_FORM = 2;

/** The NFKC form of the character at `i` when it differs, else null. */
function compatibilityForm(text: string, i: number, width: number): string | null {
  if (width !== 1) return compatibilityFormOf(text.slice(i, i + width));
  const code = text.charCodeAt(i);
  const known = UNCHANGED_BY_NFKC[code];
  if (known === IS_OWN_FORM) return null;
  const form = compatibilityFormOf(text.charAt(i));
  if (known === 0) UNCHANGED_BY_NFKC[code] = form === null ? IS_OWN_FORM : HAS_OTHER_FORM;
  return form;
}

function compatibilityFormOf(char: string): string | null {
  const known = COMPATIBILITY_FORMS.get(char);
  if (known !== undefined) return known;
  const folded = char.normalize('NFKC');
  const form = folded === char ? (otherScriptDigit(char) ?? dingbatNumber(char) ?? (isTagCharacter(char) ? '' : null)) : folded;
  if (COMPATIBILITY_FORMS.size < MAX_FORMS) COMPATIBILITY_FORMS.set(char, form);
  return form;
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * The ASCII digit for a decimal digit of another script, else null. Unicode keeps every script's
 * digits 0–9 in one contiguous, ascending run (its stability policy), so the value is the distance
 * from the run's start, modulo 10 for runs that hold several sets (the mathematical digits).
 */
function otherScriptDigit(char: string): string | null {
  if (!DECIMAL_DIGIT.test(char)) return null;
  const code = char.codePointAt(0) ?? 0;
  let start = code;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String.fromCharCode(0x30 + ((code - start) % 10));
}

/**
 * Circled numbers that NFKC leaves as they are (it folds ① but not ❶): negative, sans-serif and
 * double circled, each run in order from its first value.
 */
const DINGBAT_NUMBERS: ReadonlyArray<readonly [first: number, last: number, firstValue: number]> = [
  [0x2776, 0x277f, 1],
  [0x2780, 0x2789, 1],
  [0x278a, 0x2793, 1],
  [0x24eb, 0x24f4, 11],
  [0x24f5, 0x24fe, 1],
  [0x24ff, 0x24ff, 0],
  [0x1f10b, 0x1f10b, 0],
  [0x1f10c, 0x1f10c, 0],
];

function dingbatNumber(char: string): string | null {
  const code = char.codePointAt(0) ?? 0;
  for (const [first, last, firstValue] of DINGBAT_NUMBERS) {
    if (code >= first && code <= last) return String(firstValue + code - first);
  }
  return null;
}

/** Tag characters (U+E0000–E007F) draw nothing; as a pair of code units they are dropped here, not in isInvisible. */
function isTagCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0xe0000 && code <= 0xe007f;
}

/**
 * Kana that join digit groups when written between digits: ー (and its half-width form) as a dash
 * (０９０ー１２３４), and の as Japanese speakers read numbers out ("５１６８の３１７２", "０９の２９").
 * Elsewhere they are the letters they are (マイナンバー, 田中の3件).
 */
function isDigitJoiningKana(code: number): boolean {
  return code === 0x30fc || code === 0xff70 || code === 0x306e;
}

function isAnyDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** Between two digits (０９０ー１２３４), not at a word's end before a number (マイナンバー1234…). */
function betweenDigits(text: string, i: number): boolean {
  return i > 0 && isAnyDigit(text.charCodeAt(i - 1)) && i + 1 < text.length && isAnyDigit(text.charCodeAt(i + 1));
}

function mapCodeUnit(code: number): number {
  // Full-width ASCII block: ！ (FF01) … ～ (FF5E) map to ! … ~.
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xff01 + 0x21;
  switch (code) {
    case 0x00a0: // no-break space
    case 0x1680:
    case 0x202f: // narrow no-break space
    case 0x205f:
    case 0x3000: // ideographic space
    case 0x200b: // zero-width space
    case 0x200c:
    case 0x200d:
    case 0x2060: // word joiner
    case 0xfeff: // BOM
    case 0x00ad: // soft hyphen
    case 0x115f: // Hangul fillers: letters that draw nothing
    case 0x1160:
    case 0x3164:
    case 0xffa0:
    case 0x2800: // braille blank
      return SPACE;
    case 0x2028: // line separator
    case 0x2029: // paragraph separator
      return LINE_FEED;
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2015: // horizontal bar
    case 0x2212: // minus sign
      return HYPHEN;
    default:
      if (code >= 0x2000 && code <= 0x200a) return SPACE; // en quad … hair space
      return code;
  }
}

const ASCII_UPPER = /[A-Z]+/g;

/**
 * Every code unit that can start a character other than an ASCII capital which `toLowerCase`
 * changes (`Ä`, `İ`, `Σ`, `Ａ`, `Ⅻ`, Deseret through its high surrogate): Unicode's
 * Changes_When_Lowercased characters, in a few ranges that hold some more. A unit test checks that
 * it holds every such character of the runtime's Unicode tables. (The property itself,
 * `\p{Changes_When_Lowercased}` with the flag `u`, scans four times slower than this class, and a
 * class of the exact ranges, two dozen, three times.)
 */
export const MAY_LOWER_OTHERWISE =
  /[\u00c0-\u024e\u0370-\u0556\u10a0-\u10cd\u13a0-\u13f5\u1c89-\u1cbf\u1e00-\u1ffc\u2126-\u2183\u24b6-\u24cf\u2c00-\u2cf2\ua640-\ua69a\ua722-\ua7f5\ud801-\ud83a\uff21-\uff3a]/;

/**
 * ASCII-only lower-casing. `String.prototype.toLowerCase` may change a string's length
 * (`İ` becomes two code units), which would shift every offset after it, and it changes letters
 * of other scripts that the detectors read as they are. Where no such letter occurs (above; the
 * length is checked too, should a later Unicode case a character outside the class), it changes
 * exactly the ASCII capitals and is used as it is, in one native call; otherwise runs of capitals
 * are replaced as a whole.
 */
export function lowerAscii(text: string): string {
  if (!MAY_LOWER_OTHERWISE.test(text)) {
    const lowered = text.toLowerCase();
    if (lowered.length === text.length) return lowered;
  }
  return text.replace(ASCII_UPPER, (letters) => letters.toLowerCase());
}

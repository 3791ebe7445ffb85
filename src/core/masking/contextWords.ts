/**
 * Some numbers are only sensitive when the text says what they are: nine digits are a routing
 * number next to "routing", a date is a birth date next to "DOB". These helpers look for such
 * words near a span, or in the attribute's name.
 */

/** How far before / after a span a context word may sit (code units). */
const BEFORE = 40;
const AFTER = 24;
const MAX_NAME = 128;

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** The ASCII lower case of one code unit: `toLowerCase` may change a length (`İ` becomes two code units), this never does. */
function foldAscii(code: number): number {
  return isUpper(code) ? code + 32 : code;
}

/**
 * True when `word` (lower case) occurs in `text[from, to)` in any ASCII case. ASCII words must stand
 * alone ("aba" must not match "abandon"), where a change from lower to upper case also starts a
 * word ("customerSSN"); CJK words match anywhere. The window's edges count as word boundaries.
 */
function occursAsWord(text: string, from: number, to: number, word: string, ascii: boolean): boolean {
  const length = word.length;
  const first = word.charCodeAt(0);
  const last = to - length;
  for (let at = from; at <= last; at++) {
    if (foldAscii(text.charCodeAt(at)) !== first) continue;
    let k = 1;
    while (k < length && foldAscii(text.charCodeAt(at + k)) === word.charCodeAt(k)) k++;
    if (k < length) continue;
    if (!ascii) return true;
    const before = at > from ? text.charCodeAt(at - 1) : 0;
    const end = at + length;
    const after = end < to ? text.charCodeAt(end) : 0;
    const startsWord = !isAsciiLetter(before) || (isUpper(text.charCodeAt(at)) && !isUpper(before));
    const endsWord = !isAsciiLetter(after) || (isUpper(after) && !isUpper(text.charCodeAt(end - 1)));
    if (startsWord && endsWord) return true;
  }
  return false;
}

/**
 * True when one of `words` (lower case) occurs as a word within `BEFORE` characters before the
 * span `[start, end)` of the normalised text or `AFTER` after it. The text is compared in place,
 * folding ASCII case per character: no lower-case copy of the value, no slice per span.
 */
export function hasContextWordNear(input: { text: string }, start: number, end: number, words: readonly string[]): boolean {
  const { text } = input;
  const from = Math.max(0, start - BEFORE);
  const to = Math.min(text.length, end + AFTER);
  const ascii = asciiFlags(words);
  for (let i = 0; i < words.length; i++) if (occursAsWord(text, from, to, words[i] ?? '', ascii[i] === true)) return true;
  return false;
}

/** Which words of a list are printable ASCII, worked out once per list (the lists are the detectors' constants). */
const asciiByList = new WeakMap<readonly string[], readonly boolean[]>();
function asciiFlags(words: readonly string[]): readonly boolean[] {
  let flags = asciiByList.get(words);
  if (flags === undefined) {
    flags = words.map((word) => /^[\x20-\x7e]+$/.test(word));
    asciiByList.set(words, flags);
  }
  return flags;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
let segmenter: Intl.Segmenter | null = null;

/** Japanese has no spaces: `カード番号下4桁` → カード, 番号, 下, 4, 桁 (ICU's dictionary, through `Intl.Segmenter`). */
function japaneseWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const words: string[] = [];
  for (const part of segmenter.segment(text)) if (part.isWordLike === true) words.push(part.segment);
  return words;
}

/**
 * Splits an attribute name into lower-case words: `customerDOB` → customer, dob;
 * `card_number` → card, number; `CCNumber` → cc, number; `token-issued-at` → token, issued, at;
 * `カード番号下4桁` → カード, 番号, 下, 4, 桁.
 */
export function nameWords(name: string): string[] {
  // Names are short; the cap keeps the case-splitting regexes cheap on a hostile one.
  const spaced = name
    .slice(0, MAX_NAME)
    // `card#`, `acct #`: "#" is written for "number".
    .replace(/#/g, ' no ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  const words: string[] = [];
  for (const part of spaced.split(/[^a-z0-9\u3040-\u30ff\u4e00-\u9fff]+/)) {
    if (part.length === 0) continue;
    if (!JAPANESE.test(part)) {
      words.push(part);
      continue;
    }
    // Latin letters glued to Japanese (`cardカード番号`) are split off first.
    for (const piece of part.split(/([a-z0-9]+)/)) {
      if (piece.length === 0) continue;
      if (JAPANESE.test(piece)) words.push(...japaneseWords(piece));
      else words.push(piece);
    }
  }
  return words;
}

/**
 * The ways attribute names write "number": `cardNumber`, `card_no`, `ccNum`, `CardNbr`,
 * `kontoNr`, `card#` (read as `no`), `kojin_bango`, `カード番号`.
 */
const NUMBER_WORDS: ReadonlySet<string> = new Set(['number', 'numbers', 'no', 'num', 'nbr', 'nmbr', 'nr', 'numb', 'bango', '番号']);

/**
 * True when the name says "<subject> number" for one of `subjects`: as two words in a row
 * (`indiv_num`, `IndividualNo`, `my-no`, `カード番号`) or glued into one (`mynum`, `ccno`).
 */
export function namesNumberOf(name: NameWords, subjects: ReadonlySet<string>): boolean {
  const { words } = name;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    if (next !== undefined && subjects.has(word) && NUMBER_WORDS.has(next)) return true;
    const glued = /^([a-z]+?)(number|num|nbr|no|nr)$/.exec(word);
    if (glued && subjects.has(glued[1] ?? '')) return true;
  }
  return false;
}

/** The name lower-cased with separators removed: `Date_Of-Birth` → dateofbirth. */
function compactName(name: string): string {
  return name
    .slice(0, MAX_NAME)
    .toLowerCase()
    .replace(/[\s_\-.:/]+/g, '');
}

/**
 * An attribute name taken apart once: the detectors and the built-in name hints all ask about the
 * same name, and splitting it with regexes for each question cost more than the detection itself.
 */
export interface NameWords {
  words: readonly string[];
  compact: string;
}

export function describeName(name: string): NameWords {
  return { words: nameWords(name), compact: compactName(name) };
}

/**
 * True when the attribute name says the value is of this sort: one of `words` is a word of the
 * name, or one of `phrases` occurs in the compacted name.
 */
export function nameSays(name: NameWords | undefined, words: readonly string[], phrases: readonly string[]): boolean {
  if (name === undefined) return false;
  if (words.some((w) => name.words.includes(w))) return true;
  return phrases.some((p) => name.compact.includes(p));
}

/**
 * `nameSays` for one detector's words and phrases, answered once per name: the digit-group walk
 * asks for every number that passes its checksum (~350 times in a dense map), and the engine hands
 * the same `NameWords` for a name on every call (its name cache). Held weakly, by the name's words:
 * nothing of a value is kept.
 */
export function nameTest(words: readonly string[], phrases: readonly string[]): (name: NameWords | undefined) => boolean {
  const answers = new WeakMap<NameWords, boolean>();
  return (name) => {
    if (name === undefined) return false;
    let answer = answers.get(name);
    if (answer === undefined) {
      answer = nameSays(name, words, phrases);
      answers.set(name, answer);
    }
    return answer;
  };
}

/**
 * A test for whether one of `words` (lower case) occurs anywhere in a text, in any ASCII case. `hasContextWordNear`
 * can only succeed for a word that occurs, so a detector whose every match needs context can skip
 * a text without one. Compiled once into one alternation: the regex engine looks for all the words
 * in a single pass instead of one `indexOf` scan per word, and
 * without the flag `u` it folds ASCII letters only, exactly as `hasContextWordNear` does, so the
 * value need not be lower-cased first.
 */
export function mentionMatcher(words: readonly string[]): (text: string) => boolean {
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
  return (text) => pattern.test(text);
}

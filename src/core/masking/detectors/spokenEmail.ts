import type { Detector, Finding } from '../Finding.ts';

/**
 * E-mail addresses said out loud or written to dodge a spam filter, as transcripts and chats hold
 * them: "k dot patel at hotmail dot co dot uk", "j dot morales seventy seven at gmail dot com",
 * "taro [at] example [dot] jp", "ヤマダ アットマーク ジーメール ドット コム",
 * "yamada.t アットマーク docomo ドット ne ドット jp". The written detector looks for `@`; these have
 * none.
 *
 * Read as tokens around each "at" word: after it a domain of two labels or more joined by "dot"
 * (or a written dot) ending in a top-level label; before it the local part, read backwards over
 * words joined by "dot", "underscore" or "dash" words and over the digits, number words and single
 * letters a name is spelt with. "Ordered it at amazon dot com" names a shop, not an address: in
 * English an address must show how it is spelt (a joining word, a digit, a letter on its own, a dot
 * or an underscore in its local part, or brackets round "at") or follow a word for e-mail.
 */
const DETECTOR = 'email:spoken';

type TokenType = 'word' | 'kana' | 'number' | 'letter' | 'joiner' | 'dot' | 'at' | 'barrier';

interface Token {
  type: TokenType;
  start: number;
  end: number;
  /** Lower-case ASCII or the kana as written. */
  value: string;
  /** `at` only: written in brackets ("[at]", "(at)"), itself a sign of an address. */
  bracketed?: boolean;
}

const NUMBER_WORDS = new Set([
  'zero',
  'oh',
  'nought',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
  'double',
  'triple',
]);
const JOINER_WORDS = new Set(['underscore', 'dash', 'hyphen']);
const DOT_WORDS = new Set(['dot', 'period', 'point']);
/** Words a sentence puts before an address; none of them is a local part. */
const STOP_WORDS = new Set([
  'is',
  'was',
  "it's",
  'it’s',
  'its',
  'it',
  'my',
  'me',
  'the',
  'a',
  'an',
  'email',
  'e-mail',
  'mail',
  'address',
  'to',
  'at',
  'and',
  'or',
  "that's",
  'that’s',
  'thats',
  'yeah',
  'yes',
  'yep',
  'his',
  'her',
  'their',
  'our',
  'your',
  'send',
  'use',
  'be',
  'us',
  'you',
  'him',
  'them',
  'reach',
  'contact',
  'as',
  'on',
  'in',
  'from',
  'by',
  'of',
  'with',
  'for',
  'no',
  'not',
  'so',
  'ok',
  'okay',
  'sorry',
  'i',
]);
/** Top-level labels and the second-level ones a country puts before its own (co.uk, ne.jp). */
const TOP_LEVEL = new Set([
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'info',
  'biz',
  'io',
  'me',
  'uk',
  'jp',
  'us',
  'ca',
  'au',
  'de',
  'fr',
  'nl',
  'es',
  'it',
  'ie',
  'nz',
  'in',
  'sg',
  'hk',
  'kr',
  'cn',
  'tw',
  'ch',
  'be',
  'se',
  'no',
  'dk',
  'fi',
  'br',
  'mx',
  'ph',
  'za',
]);
/** The same labels as a Japanese speaker reads them. */
const KANA_TOP_LEVEL = new Set(['コム', 'ネット', 'オルグ', 'ジェーピー', 'ジェイピー', 'ユーケー', 'ユーエス']);
/** Kana words inside a run of katakana, longest first: "アットマーク" before "アット". */
const KANA_WORDS: ReadonlyArray<[string, TokenType]> = [
  ['アットマーク', 'at'],
  ['アット', 'at'],
  ['ドット', 'dot'],
  ['アンダーバー', 'joiner'],
  ['アンダースコア', 'joiner'],
  ['ハイフン', 'joiner'],
];
/** Words for e-mail before an address in English; a Japanese "at" word is already one. */
const EMAIL_CONTEXT = /e-?mail|\baddress\b|メール|アドレス/i;
const CONTEXT_BEFORE = 60;
/**
 * The cheap test before any token is read. Its own scan: as words of the label pass
 * (`labelMentions.ts`) they cost that pass 0.036 ms per bench map (its alternation's first
 * characters no longer narrow where a match may start), this costs 0.009.
 */
const SAID_SIGN = /dot|\[at\]|\(at\)|アット/i;

function isAsciiWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x2d ||
    code === 0x2b ||
    code === 0x27 ||
    code === 0x2019
  );
}
function isKatakana(code: number): boolean {
  return (code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc;
}
/** Spaces, tabs and the commas of a pause between words said one at a time. */
function isSoftGap(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0x3001 || code === 0x30fb || code === 0x2c;
}

function isQuote(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}
function isTrailingPunctuation(code: number): boolean {
  return code === 0x2e || code === 0x2d || isQuote(code);
}

function asciiToken(text: string, start: number, end: number): Token {
  let from = start;
  let to = end;
  // Trailing sentence punctuation is not part of the word ("gmail dot com." / "it's k-").
  while (to > from && isTrailingPunctuation(text.charCodeAt(to - 1))) to--;
  while (from < to && isQuote(text.charCodeAt(from))) from++;
  const value = text.slice(from, to).toLowerCase();
  let type: TokenType = 'word';
  if (/^[0-9]+$/.test(value) || NUMBER_WORDS.has(value)) type = 'number';
  else if (/^[a-z]$/.test(value)) type = 'letter';
  else if (JOINER_WORDS.has(value)) type = 'joiner';
  else if (DOT_WORDS.has(value)) type = 'dot';
  else if (value === 'at') type = 'at';
  return { type, start: from, end: to, value };
}

/** The tokens of `text[from, to)`; anything but a word, kana or a soft gap is a barrier. */
function tokensOf(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (isSoftGap(code)) {
      i++;
      continue;
    }
    if ((code === 0x5b || code === 0x28) && text.slice(i + 1, i + 4).toLowerCase() === 'at' + (code === 0x5b ? ']' : ')')) {
      tokens.push({ type: 'at', start: i, end: i + 4, value: 'at', bracketed: true });
      i += 4;
      continue;
    }
    if ((code === 0x5b || code === 0x28) && text.slice(i + 1, i + 5).toLowerCase() === 'dot' + (code === 0x5b ? ']' : ')')) {
      tokens.push({ type: 'dot', start: i, end: i + 5, value: 'dot' });
      i += 5;
      continue;
    }
    if (isAsciiWordChar(code)) {
      let end = i;
      while (end < to && isAsciiWordChar(text.charCodeAt(end))) end++;
      const token = asciiToken(text, i, end);
      if (token.end > token.start) tokens.push(token);
      i = end;
      continue;
    }
    if (isKatakana(code)) {
      let end = i;
      while (end < to && isKatakana(text.charCodeAt(end))) end++;
      pushKana(text, i, end, tokens);
      i = end;
      continue;
    }
    tokens.push({ type: 'barrier', start: i, end: i + 1, value: '' });
    i++;
  }
  return tokens;
}

/** A run of katakana, split at the words for at, dot and the joiners. */
function pushKana(text: string, from: number, to: number, tokens: Token[]): void {
  let wordStart = from;
  let i = from;
  while (i < to) {
    const known = KANA_WORDS.find(([word]) => text.startsWith(word, i) && i + word.length <= to);
    if (known === undefined) {
      i++;
      continue;
    }
    if (i > wordStart) tokens.push({ type: 'kana', start: wordStart, end: i, value: text.slice(wordStart, i) });
    const [word, type] = known;
    tokens.push({ type, start: i, end: i + word.length, value: word });
    i += word.length;
    wordStart = i;
  }
  if (to > wordStart) tokens.push({ type: 'kana', start: wordStart, end: to, value: text.slice(wordStart, to) });
}

function isLabel(token: Token | undefined): token is Token {
  return token !== undefined && (token.type === 'word' || token.type === 'kana' || token.type === 'number' || token.type === 'letter');
}

function isTopLevel(token: Token): boolean {
  if (token.type === 'kana') return KANA_TOP_LEVEL.has(token.value);
  const last = token.value.slice(token.value.lastIndexOf('.') + 1);
  return TOP_LEVEL.has(last);
}

/** The domain after the `at` token at `index`: the last token of it, or -1 when there is none. */
function domainEnd(tokens: readonly Token[], index: number): number {
  let k = index + 1;
  const first = tokens[k];
  if (!isLabel(first)) return -1;
  // A domain written with its dots ("at gmail.com") is one token.
  let end = first.value.includes('.') && isTopLevel(first) ? k : -1;
  // At most four more labels: "docomo dot ne dot jp", "mail dot example dot co dot uk".
  for (let labels = 0; labels < 4; labels++) {
    const dot = tokens[k + 1];
    const label = tokens[k + 2];
    if (dot?.type !== 'dot' || !isLabel(label)) break;
    k += 2;
    if (isTopLevel(label)) end = k;
  }
  return end;
}

function isStop(token: Token): boolean {
  return token.type === 'word' && STOP_WORDS.has(token.value);
}

/** The first token of the local part before the `at` token at `index`, and whether it shows how it is spelt; null when there is none. */
function localStart(tokens: readonly Token[], index: number): { first: number; spelt: boolean } | null {
  let first = index - 1;
  const last = tokens[first];
  if (!isLabel(last) || isStop(last)) return null;
  let spelt = last.type === 'number' || last.type === 'letter' || /[._0-9]/.test(last.value);
  for (;;) {
    const before = tokens[first - 1];
    const current = tokens[first];
    if (before === undefined || current === undefined) break;
    if (before.type === 'joiner' || before.type === 'dot') {
      const word = tokens[first - 2];
      if (!isLabel(word) || isStop(word)) break;
      first -= 2;
      spelt = true;
      continue;
    }
    if (!isLabel(before) || isStop(before)) break;
    // Said one piece at a time: digits and letters after a word or after each other ("morales seventy
    // seven", "j o h n"); a word after a digit is the sentence's ("3 items at amazon dot com").
    const spelling = current.type === 'number' || current.type === 'letter';
    if (!spelling || before.type === 'kana') break;
    first -= 1;
    spelt = spelt || before.type !== 'word';
  }
  return { first, spelt };
}

/** An "at" word, in brackets or in kana: where an address said in words may be. */
const AT_WORD = /(?<![A-Za-z0-9])at(?![A-Za-z0-9])|[[(]at[\])]|アット(?:マーク)?/gi;
/** What must follow an "at" word: a label, then "dot" (said, in brackets or in kana) or a written dot. */
const DOMAIN_START = /[ \t\u3000、・,]*[A-Za-z0-9\u30a1-\u30fa\u30fc-]{1,63}[ \t\u3000、・,]*(?:[[(]dot[\])]|dot(?![A-Za-z0-9])|ドット|\.[A-Za-z])/iy;
/** How far either side of an "at" word the tokens are read: a local part and a domain are at most 64 and 253 characters. */
const LOCAL_REACH = 200;
const DOMAIN_REACH = 300;

/**
 * Where addresses are said in `text` (already normalised). `evidence: 'any'` drops the English
 * rule that an address show how it is spelt: the audit trail hides every "at … dot com".
 */
export function spokenEmailSpans(text: string, evidence: 'spelt' | 'any' = 'spelt'): Array<{ start: number; end: number }> {
  // Most texts hold no such word: one native scan.
  if (!SAID_SIGN.test(text)) return [];
  return addressesSaidIn(text, evidence);
}

function lineStartBefore(text: string, at: number, reach: number): number {
  const from = Math.max(0, at - reach);
  const lineBreak = text.lastIndexOf('\n', at - 1);
  return lineBreak >= from ? lineBreak + 1 : from;
}

function lineEndAfter(text: string, at: number, reach: number): number {
  const to = Math.min(text.length, at + reach);
  const lineBreak = text.indexOf('\n', at);
  return lineBreak >= 0 && lineBreak < to ? lineBreak : to;
}

/** Every address said in `text`, read from the tokens of each "at" word's line that a domain follows. */
function addressesSaidIn(text: string, evidence: 'spelt' | 'any'): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let lastEnd = -1;
  AT_WORD.lastIndex = 0;
  for (let match = AT_WORD.exec(text); match !== null; match = AT_WORD.exec(text)) {
    if (match.index < lastEnd) continue;
    DOMAIN_START.lastIndex = match.index + match[0].length;
    if (!DOMAIN_START.test(text)) continue;
    const from = lineStartBefore(text, match.index, LOCAL_REACH);
    const tokens = tokensOf(text, from, lineEndAfter(text, match.index, DOMAIN_REACH));
    // A window cut inside a word starts with part of it: that part is no token to read.
    if (from > 0 && (isAsciiWordChar(text.charCodeAt(from - 1)) || isKatakana(text.charCodeAt(from - 1)))) tokens.shift();
    const k = tokens.findIndex((token) => token.type === 'at' && token.start >= match.index);
    const span = k < 0 ? null : addressAt(text, tokens, k, evidence);
    if (span === null || span.start < lastEnd) continue;
    spans.push(span);
    lastEnd = span.end;
    AT_WORD.lastIndex = span.end;
  }
  return spans;
}

/** The address around the `at` token at `k`, or null when there is none. */
function addressAt(text: string, tokens: readonly Token[], k: number, evidence: 'spelt' | 'any'): { start: number; end: number } | null {
  const at = tokens[k];
  const end = domainEnd(tokens, k);
  if (at === undefined || end < 0) return null;
  const local = localStart(tokens, k);
  if (local === null) return null;
  const firstToken = tokens[local.first];
  const lastToken = tokens[end];
  if (firstToken === undefined || lastToken === undefined) return null;
  const said =
    evidence === 'any' ||
    at.value !== 'at' ||
    at.bracketed === true ||
    local.spelt ||
    EMAIL_CONTEXT.test(text.slice(Math.max(0, firstToken.start - CONTEXT_BEFORE), firstToken.start));
  return said ? { start: firstToken.start, end: lastToken.end } : null;
}

export const spokenEmailDetector: Detector = {
  name: DETECTOR,
  detect(input) {
    return spokenEmailSpans(input.text, 'spelt').map(({ start, end }): Finding => ({ kind: 'email', start, end, detector: DETECTOR }));
  },
};

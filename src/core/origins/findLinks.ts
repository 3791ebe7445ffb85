/**
 * Finds `http://` and `https://` URLs in free text (chat messages, attribute values) in one
 * left-to-right pass — no backtracking regular expression, so hostile input cannot make it slow.
 * It only finds candidates; `classifyLink` decides which of them may become links.
 */
export interface FoundLink {
  /** Index of the first character (UTF-16 code units). */
  start: number;
  /** Index one past the last character. */
  end: number;
  raw: string;
}

const HTTP = 'http://';
const HTTPS = 'https://';

export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  let i = 0;
  while (i < text.length) {
    const schemeLength = schemeLengthAt(text, i);
    if (schemeLength === 0 || isWordCharacter(text.charCodeAt(i - 1))) {
      i++;
      continue;
    }
    const end = urlEnd(text, i, schemeLength);
    if (end > i + schemeLength) links.push({ start: i, end, raw: text.slice(i, end) });
    i = Math.max(end, i + schemeLength);
  }
  return links;
}

function schemeLengthAt(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first !== 0x68 && first !== 0x48) return 0; // h / H
  if (startsWithIgnoringCase(text, at, HTTPS)) return HTTPS.length;
  if (startsWithIgnoringCase(text, at, HTTP)) return HTTP.length;
  return 0;
}

function startsWithIgnoringCase(text: string, at: number, lowerPrefix: string): boolean {
  if (at + lowerPrefix.length > text.length) return false;
  for (let k = 0; k < lowerPrefix.length; k++) {
    if (text.charAt(at + k).toLowerCase() !== lowerPrefix.charAt(k)) return false;
  }
  return true;
}

/**
 * The URL runs until whitespace, a control character or a character that cannot appear
 * unencoded in a URL. Trailing sentence punctuation and unbalanced closing brackets are then
 * given back to the text ("see https://x.test/a)." → "https://x.test/a").
 */
function urlEnd(text: string, start: number, schemeLength: number): number {
  let end = start + schemeLength;
  let openParens = 0;
  let openBrackets = 0;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (isTerminator(code)) break;
    if (code === 0x28) openParens++;
    else if (code === 0x5b) openBrackets++;
    else if (code === 0x29) {
      if (openParens === 0) break;
      openParens--;
    } else if (code === 0x5d) {
      if (openBrackets === 0) break;
      openBrackets--;
    }
    end++;
  }
  while (end > start + schemeLength && isTrailingPunctuation(text.charCodeAt(end - 1))) end--;
  return end;
}

function isTerminator(code: number): boolean {
  if (code <= 0x20 || (code >= 0x7f && code <= 0xa0)) return true;
  // Quotes and angle brackets delimit URLs in prose and markup; backtick and braces in code.
  if (code === 0x22 || code === 0x27 || code === 0x3c || code === 0x3e || code === 0x60 || code === 0x7b || code === 0x7d) return true;
  // Unicode spaces and line/paragraph separators.
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

function isTrailingPunctuation(code: number): boolean {
  // . , ; : ! ?
  return code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f;
}

function isWordCharacter(code: number): boolean {
  // NaN (before the start of the text) is not a word character.
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

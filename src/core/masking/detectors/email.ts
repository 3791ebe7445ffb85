import type { Detector, Finding } from '../Finding.ts';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isLocalChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 0x2e || // .
    code === 0x5f || // _
    code === 0x25 || // %
    code === 0x2b || // +
    code === 0x2d // -
  );
}
function isAsciiDomainChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 0x2e || code === 0x2d;
}
/** A letter, mark or digit of any script: internationalised domain labels (`例え.jp`, `bücher.de`) are written so. */
const INTERNATIONAL_LABEL_CHAR = /^[\p{L}\p{M}\p{Nd}]$/u;
function isDomainChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return isAsciiDomainChar(code);
  // A surrogate pair is read whole; its low half follows it.
  const char = code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : text.charAt(i);
  return INTERNATIONAL_LABEL_CHAR.test(char) || (code >= 0xdc00 && code <= 0xdfff);
}
function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Where the domain characters from `from` stop, within `MAX_DOMAIN` of the `@` at `at`: ASCII ones, or those of any script. */
function domainCharsEnd(text: string, at: number, from: number, international: boolean): number {
  let end = from;
  while (end < text.length && end - at - 1 < MAX_DOMAIN && (international ? isDomainChar(text, end) : isAsciiDomainChar(text.charCodeAt(end)))) end++;
  return end;
}

/** Where the next `%40` (an encoded `@`) at or after `from` is, or -1. */
function encodedAt(text: string, from: number): number {
  for (let i = text.indexOf('%', from); i >= 0; i = text.indexOf('%', i + 1)) {
    if (text.charCodeAt(i + 1) === 0x34 && text.charCodeAt(i + 2) === 0x30) return i;
  }
  return -1;
}

/** `end` without a sentence-ending dot or hyphen before it. */
function withoutTrailingPunctuation(text: string, at: number, end: number): number {
  let trimmed = end;
  while (trimmed > at + 1 && (text.charCodeAt(trimmed - 1) === 0x2e || text.charCodeAt(trimmed - 1) === 0x2d)) trimmed--;
  return trimmed;
}

/** Where the domain read at [from, to) ends, after its top-level label; -1 when it has none. */
function topLevelEnd(text: string, from: number, to: number): number {
  for (let dot = text.lastIndexOf('.', to - 1); dot > from; dot = text.lastIndexOf('.', dot - 1)) {
    let end = dot + 1;
    while (end < to && isLetter(text.charCodeAt(end))) end++;
    if (end - dot - 1 >= 2 && (end === to || text.charCodeAt(end) >= 0x80)) return end;
  }
  return -1;
}

/**
 * E-mail addresses, found from each `@` outwards with bounded steps (local part ≤ 64, domain ≤ 253),
 * so the work per `@` is bounded and the scan is linear. The domain needs a dot and a
 * letters-only top-level label of two or more.
 *
 * Domain labels may be internationalised (`taro@例え.jp`, `info@bücher.de`); the top-level label is
 * ASCII letters, and Japanese written straight after it is not part of it (`taro@例え.jpまで`), so
 * the domain ends at the last dot followed by two ASCII letters or more and then by the end of the
 * run or a non-ASCII character. For an ASCII-only domain that is the old rule: the last label, all
 * letters.
 */
export const emailDetector: Detector = {
  name: 'email',
  detect({ text }) {
    const findings: Finding[] = [];
    let searchFrom = 0;
    let lastEnd = 0;
    // `%40` is an `@` percent-encoded in a URL (`?mail=ito.y%40au.com`); most texts hold no `%`.
    // Each kind of sign is looked for again only once the search has passed the one found, so
    // a text of many of one and few of the other is still read once.
    let sign = text.indexOf('@');
    let encoded = text.indexOf('%') >= 0 ? encodedAt(text, 0) : -1;
    for (;;) {
      if (sign >= 0 && sign < searchFrom) sign = text.indexOf('@', searchFrom);
      if (encoded >= 0 && encoded < searchFrom) encoded = encodedAt(text, searchFrom);
      const at = encoded >= 0 && (sign < 0 || encoded < sign) ? encoded : sign;
      if (at < 0) break;
      // The domain starts after the sign: one character, or the three of `%40`.
      const domainFrom = at === encoded ? at + 3 : at + 1;
      searchFrom = domainFrom;
      let start = at;
      while (start > lastEnd && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
      while (start < at && text.charCodeAt(start) === 0x2e) start++;
      if (start === at) continue;
      // The ASCII domain, read on in international labels only where it stops at a non-ASCII
      // character; when that longer reading has no top-level label (Japanese glued on:
      // `mail.example.ー1997`), the ASCII one is taken.
      const signLast = domainFrom - 1;
      const ascii = domainCharsEnd(text, signLast, domainFrom, false);
      const run = text.charCodeAt(ascii) >= 0x80 ? domainCharsEnd(text, signLast, ascii, true) : ascii;
      let end = topLevelEnd(text, domainFrom, withoutTrailingPunctuation(text, signLast, run));
      if (end < 0 && run !== ascii) end = topLevelEnd(text, domainFrom, withoutTrailingPunctuation(text, signLast, ascii));
      if (end < 0) continue;
      findings.push({ kind: 'email', start, end, detector: 'email' });
      lastEnd = end;
      searchFrom = end;
    }
    return findings;
  },
};

import type { Detector, Finding } from '../Finding.ts';

/** The detector name of an expiry found beside a card; a code is a `sensitiveAuth:securityCode` finding. */
const CARD_EXPIRY_DETECTOR = 'cardExpiry';
const SECURITY_CODE_DETECTOR = 'sensitiveAuth:securityCode';

/** The most a gap between a card and its expiry, or its expiry and its code, may hold. */
const MAX_GAP = 24;
/** The longest written month and its space: "september ". */
const MONTH_NAME = 11;
/** What is read after a card: three gaps, two dates, a code and what follows them fit in it. */
const WINDOW = 4 * MAX_GAP + 48;

// What people put between a card number, its expiry and its code: separators and the labels of a
// card form, in English and Japanese (a sentence's end too: "…です。有効期限は12/27"), URL and JSON
// punctuation ("&exp=1228", `"cardExpiry":"04/27"`), the caller's name at the start of a transcript's
// next line ("Customer: exp 0526\nCustomer: 771", the caller reading on), in any case (the patterns ignore case: lower-casing each
// window cost more than the rest of the reading). Each alternative consumes
// at least one character, so the sticky match is bounded by the gap it reads.
const GAP =
  /(?:[\s,;:|/\-–—.、，：；()（）[\]=。"'_]|(?:cc|(?:card ?)?exp(?:iry|ires|iration|iring)?(?: ?date)?|date|valid (?:thru|through|until)|valid from|good thru|thru|until|from|to|and|the|my|it|its|is|in|cvv2?|cvc2?|cvn|cid|csc|security code|sec(?: code)?|code|mm ?\/ ?yy(?:yy)?|customer|caller|cust|client|payment|card)(?![a-z])|&|お客様|お客さま|顧客|有効期限|ユウコウキゲン|ゆうこうきげん|期限|セキュリティコード|セキュリティ・コード|コード|カード|裏面?|表面?|番号|[34３４]桁|[34３４]けた|です|ます|は|が|で|の)*/iy;

// An expiry as people write it: 12/27, 1/27, 12-2027, 12.27, 12|27, 12 27, 2027/12, 27/12, 27年12月,
// 12月/27年, Dec 2027 — and not when more date follows (12/27/2025 is a date, not an expiry).
const EXPIRY =
  /(?:(?:0?[1-9]|1[0-2]) ?[/\-.|] ?(?:20\d\d|\d\d)|(?:0[1-9]|1[0-2]) (?:20\d\d|\d\d)|(?:20\d\d|1[3-9]|[2-9]\d) ?[/\-.] ?(?:0?[1-9]|1[0-2])|(?:20\d\d|\d\d)年の? ?(?:0?[1-9]|1[0-2])月|(?:0?[1-9]|1[0-2])月 ?\/? ?(?:20\d\d|\d\d)年|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? ?[/-]? ?(?:20\d\d|\d\d))(?![0-9]|[/\-.:][0-9])/iy;
/** `1227`: an expiry only after an expiry word or before a code. */
const COMPACT_EXPIRY = /(?:0[1-9]|1[0-2])\d\d(?![0-9])/y;
/** The code on the back of a card: three or four digits, the end of their number. */
const CODE = /\d{3,4}(?![0-9a-z])/iy;
/** What a code is not: the first group of a longer number (`212 555 0123`), a time, an amount. */
const MORE_NUMBER = /[ \-./:,]?[0-9]/y;
const DATE_JOINER = /^[-/.:]$/;
const EXPIRY_WORD = /exp|valid|good thru|thru|until|有効期限|ユウコウキゲン|ゆうこうきげん|期限/i;

/**
 * True for an expiry or code this detector found. Told by the detector's name rather than a flag
 * on the finding: a finding of another shape made every function that reads findings slower (7 %
 * of the text bench). Only the joined scan of neighbouring texts asks, and there no other detector
 * reports a security code (the CVV-word detector reads each text on its own).
 */
export function isCardCompanion(finding: Finding): boolean {
  return finding.detector === CARD_EXPIRY_DETECTOR || finding.detector === SECURITY_CODE_DETECTOR;
}

function digitWithin(text: string, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function stickyAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/** Where the gap at `at` ends, or -1 when it is longer than a card form's. */
function gapEnd(window: string, at: number): number {
  const end = stickyAt(GAP, window, at);
  return end - at > MAX_GAP ? -1 : end;
}

/**
 * A card's expiry and security code written after it: "4111 … 1111 12/27 123", "exp: 12-27 / 737",
 * "有効期限 27年12月 セキュリティコード 123". A full card number makes the next few tokens part of the card
 * form, so no CVV word is needed: the expiry is hidden like an expiry attribute, the code like
 * any security code (never revealed, an incident). Only a card this engine found starts a reading,
 * and each gap is short and made of separators and form labels, so other numbers in the text are
 * not read as codes.
 */
export const cardCompanionsDetector: Detector = {
  name: 'cardCompanions',
  detect(input) {
    const cards = input.digitGroupFindings().pan;
    const findings: Finding[] = [];
    if (cards.length === 0) return findings;
    for (const card of cards) {
      // Most cards are followed by words: no digit near the card (a gap, then at most a month's
      // name), nothing to read.
      if (!digitWithin(input.text, card.end, card.end + MAX_GAP + MONTH_NAME + 1)) continue;
      // Everything after a card is read in a window of its own: the work per card is bounded.
      readCardForm(input.text.slice(card.end, card.end + WINDOW), card.end, 0, false, findings);
    }
    return findings;
  },
};

/**
 * Reads the expiries and code of a card form from the start of `window`, with `dates` expiries and
 * `code` already found for its card, and adds them to `findings` at `offset` plus their place in the
 * window. `compactExpiry` reads four digits that are a month and year (`1227`) as the expiry even
 * with no expiry word or code around them. Returns where the last expiry or code read ends in the
 * window, 0 when none was.
 */
export function readCardForm(window: string, offset: number, datesBefore: number, codeBefore: boolean, findings: Finding[], compactExpiry = false): number {
  let at = 0;
  // Two dates at most ("valid from 01/24 to 12/27"), one code.
  let dates = datesBefore;
  let code = codeBefore;
  while (dates < 2 || !code) {
    const from = gapEnd(window, at);
    if (from < 0 || from === window.length) break;
    // Every expiry and code starts with a digit or a month's name: anything else ends the form.
    const next = window.charCodeAt(from);
    const digit = next >= 48 && next <= 57;
    if (!digit && !((next | 32) >= 97 && (next | 32) <= 122)) break;
    const found = dates === 2 ? -1 : expiryAt(window, from, () => compactExpiry || EXPIRY_WORD.test(window.slice(at, from)));
    if (found > 0) {
      findings.push({ kind: 'secret', start: offset + from, end: offset + found, detector: CARD_EXPIRY_DETECTOR });
      dates++;
      at = found;
      continue;
    }
    const codeEnd = code || !digit ? -1 : codeAt(window, from, dates > 0);
    if (codeEnd < 0) break;
    findings.push({ kind: 'secret', start: offset + from, end: offset + codeEnd, detector: SECURITY_CODE_DETECTOR });
    code = true;
    at = codeEnd;
  }
  return at;
}

/** Where the labels and separators that may stand between a card form's tokens, read from `at`, end. */
export function cardFormGapEnd(text: string, at: number): number {
  return stickyAt(GAP, text, at);
}

/** True for a code this detector found (the other companion is an expiry). */
export function isCardSecurityCode(finding: Finding): boolean {
  return finding.detector === SECURITY_CODE_DETECTOR;
}

/** What is read of a text for the card form that continues in it. */
export const CARD_FORM_WINDOW = WINDOW;

/** Where a card expiry written from `at` ends (`12/27`, `2027/12`, `27年12月`, `Dec 2027`, or `1227` when `compact`), -1 when none is. */
export function cardExpiryEndAt(text: string, at: number, compact: boolean): number {
  const end = stickyAt(EXPIRY, text, at);
  if (end > 0 || !compact) return end;
  return stickyAt(COMPACT_EXPIRY, text, at);
}

/** The detector name an expiry finding carries, wherever it was found. */
export const CARD_EXPIRY = CARD_EXPIRY_DETECTOR;

function expiryAt(window: string, at: number, afterExpiryWord: () => boolean): number {
  const end = stickyAt(EXPIRY, window, at);
  if (end > 0) return end;
  const compact = stickyAt(COMPACT_EXPIRY, window, at);
  if (compact < 0) return -1;
  if (afterExpiryWord()) return compact;
  // `1227 123`: four digits followed by a code are the expiry; four alone are a code.
  const next = gapEnd(window, compact);
  return next > compact && stickyAt(CODE, window, next) > 0 && stickyAt(MORE_NUMBER, window, stickyAt(CODE, window, next)) < 0 ? compact : -1;
}

function codeAt(window: string, at: number, expiryTaken: boolean): number {
  const end = stickyAt(CODE, window, at);
  if (end < 0) return -1;
  if (stickyAt(MORE_NUMBER, window, end) < 0) return end;
  // A code written before the expiry ("123 12/27") is followed by a number too: the expiry, set
  // apart as tokens are. Joined by a date's separator only, the digits are one date ("1952-07-25").
  if (expiryTaken) return -1;
  const next = gapEnd(window, end);
  return next > end && !DATE_JOINER.test(window.slice(end, next)) && stickyAt(EXPIRY, window, next) > 0 ? end : -1;
}

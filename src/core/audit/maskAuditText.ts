import { namedValuesIn } from '../masking/detectors/namedValuesInText.ts';
import { spokenEmailSpans } from '../masking/detectors/spokenEmail.ts';
import { normalizeForDetection } from '../masking/normalizeForDetection.ts';
import { uuidSpans } from '../masking/uuidSpans.ts';

/** The string kinds of audit detail (see auditFields.ts). */
export type AuditStringKind = 'id' | 'actor' | 'name' | 'pointer' | 'text' | 'origin';

/** A stretch of the original string to hide, and what stands in for it. */
export interface AuditMaskSpan {
  start: number;
  end: number;
  label: string;
}

const MASK = '••••';
const EMAIL_LABEL = '[Email]';

/*
 * Shapes, not checks: no Luhn, no phone metadata, no context words beyond the password rule. Each
 * rule hides more than the detector it stands for, so nothing the masking engine would hide in an
 * audit detail survives here (tests/unit/audit/maskAuditText.test.ts runs the masking corpus
 * through both). Audit details are ids, names, pointers, origins and short reasons: hiding a
 * harmless order number there costs little, a leak costs much. All quantifiers are bounded or
 * linear (no nested repetition over the same characters).
 */
/** Digits with up to three separators (line breaks too) between neighbours: cards, phones, SSNs, dates, codes, PINs; a phone's "+" too (a percent-encoded one is three characters of the original). */
const DIGIT_RUN = /\+?[0-9](?:[^A-Za-z0-9]{0,3}[0-9])*/g;
/** Without a context word no detector of the engine finds fewer digits (a CVV or PIN needs its word). */
const MIN_RUN_DIGITS = 5;
/**
 * The engine's context words for codes, PINs, passwords, dates of birth, card expiries, identity
 * documents and an SSN's last four. When one occurs anywhere (the engine needs it next to the
 * value), every run of three digits or more is hidden with the letters glued to it (an era, 年, 日,
 * a passport's TR), and so is every written date and month, and every token of letters and four
 * digits or more (`mixedTokenSpans`).
 */
const CONTEXT_WORDS =
  /cvv|cvc|cav2|cvn|security|verification|セキュリティ|pin|暗証番号|otp|one-time|one time|ワンタイム|認証|確認|pass|pw|code|コード|dob|d\.o\.b|birth|born|bday|b-day|生年月日|誕生日|生まれ|日生/i;
/**
 * In free text (a reveal reason) and an actor's name, also the words of a card's code on its back,
 * a card's expiry, an identity document and an SSN's last four. Not in origins, names and
 * pointers: "exp" and "valid" are in host and attribute names ("https://expense.example:8443",
 * `cardExpiry2024`), whose digits an audit reader needs.
 */
const FREE_TEXT_CONTEXT_WORDS =
  /cvv|cvc|cav2|cvn|cid|security|verification|セキュリティ|裏面|裏の|表面|on the (?:back|front)|back of the card|pin|暗証番号|otp|one-time|one time|ワンタイム|認証|確認|pass|pw|code|コード|dob|d\.o\.b|birth|born|bday|b-day|生年月日|誕生日|生まれ|日生|exp|valid|good thru|有効期限|期限|licen|\bdl\b|旅券|パスポート|免許|在留|uscis|green card|ausweis|保険証|last four|last 4|下4桁/i;
const MIN_CONTEXT_RUN_DIGITS = 3;
/** A caller's line of a transcript: a number read out over several turns is in pieces too short for any rule above (`619` / `87` / `8115`). */
const CALLER_LINE = /^(?:customer|cust|cx|caller|client|user|お客様|お客さま|顧客)[ \t]*[:：][^\n]*/gim;
const DIGITS = /[0-9]+/g;
/** A residence card's number read out in groups (`UH 8214 6037 EN`): its letters are apart from its digits. */
const RESIDENCE_CARD_LIKE = /[A-Za-z]{2} [0-9]{4} ?[0-9]{4} [A-Za-z]{2}(?![A-Za-z])/g;
/** A card's length: the expiry and code written after one (the engine's card companions) are hidden too. */
const CARD_RUN_DIGITS = 12;
/** How far after a card-sized run its expiry and code are looked for: at least the engine's window (cardCompanions.ts). */
const CARD_FORM_WINDOW = 160;
const GLUED_LETTERS = /[^\s0-9]{0,8}[0-9](?:[^A-Za-z0-9]{0,3}[0-9])*[^\s0-9]{0,8}/g;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
const WRITTEN_DATE = new RegExp(
  `${MONTH}[^A-Za-z0-9]{0,3}[0-9]{1,2}(?:st|nd|rd|th)?[^A-Za-z0-9]{0,3}[0-9]{2,4}|[0-9]{1,2}(?:st|nd|rd|th)?(?: of)?[^A-Za-z0-9]{0,3}${MONTH}[^A-Za-z0-9]{0,3}[0-9]{2,4}|(?:明治|大正|昭和|平成|令和)?(?:[0-9]{1,4}|元)年[0-9]{1,2}月[0-9]{1,2}日?|${MONTH}[^A-Za-z0-9]{0,3}(?:[a-z]{3,12}[^A-Za-z0-9]{1,3})?[0-9]{2,4}`,
  'gi',
);
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b || code === 0x3000 || code === 0xa0;
}

/**
 * Every non-blank stretch that holds an @, or one percent-encoded (`%40`): from each sign back to
 * the blank (or the @) before it and on to the next blank. A scan, not the regular expression
 * it replaces (any non-blanks, an @, any non-blanks): that retried from every character of a long
 * stretch without an @, and a 32 KB attribute name took seconds.
 */
function emailLikeSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let cursor = 0;
  while (cursor < text.length) {
    let sign = -1;
    for (let i = cursor; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x40 || (code === 0x25 && text.charCodeAt(i + 1) === 0x34 && text.charCodeAt(i + 2) === 0x30)) {
        sign = i;
        break;
      }
    }
    if (sign < 0) break;
    let start = sign;
    while (start > cursor && !isBlank(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 0x40) start--;
    let end = sign + 1;
    while (end < text.length && !isBlank(text.charCodeAt(end))) end++;
    spans.push({ start, end });
    cursor = end;
  }
  return spans;
}
/** An IBAN's shape (country letters, check digits, 11 to 30 letters or digits, optionally grouped). */
const IBAN_LIKE = /[A-Za-z]{2}[0-9]{2}(?:[ -]?[A-Za-z0-9]){11,30}/g;
/**
 * Keys, tokens and ciphertext: 40 or more base64 or hex characters in a row (a UUID is 36), or 20
 * or more starting as an AWS Encryption SDK message does (`AY…`, `Ag…`: secure-IVR ciphertext).
 */
const LONG_TOKEN = /[A-Za-z0-9+/=_-]{40,}|(?<![A-Za-z0-9+/=_-])A[Yg][A-Za-z0-9+/=_-]{18,}/g;
/** A password written after its word (or "pw"), with or without a verb, ":", "=", "is" or a quote (the engine requires one), on its line or the next (a form's "Password:" above its value). */
const PASSWORD_AFTER_WORD =
  /(?:password|passwd|pwd|passcode|パスワード|\bpw)[^\S\n]{0,4}(?:(?:issued|set|reset|changed|updated)[^\S\n]{0,2})?(?:[:=→]|is\b|to\b|は|を)?[^\S\n]{0,4}(?:\n[^\S\n]{0,4})?[「『"']?([\x21-\x7e]{1,64})/gi;

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Letters and digits written as one token with four digits or more (`MORGA753116SM9IJ`,
 * `L01X00T47`, `A204918377`): a document's number, hidden whole where a context word occurs.
 */
function mixedTokenSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < text.length) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    let letters = 0;
    for (; i < text.length && isAsciiAlnum(text.charCodeAt(i)); i++) {
      if (text.charCodeAt(i) <= 57) digits++;
      else letters++;
    }
    if (digits >= 4 && letters > 0) spans.push({ start, end: i });
  }
  return spans;
}

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

function blankSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + ' '.repeat(span.end - span.start);
    at = span.end;
  }
  return out + text.slice(at);
}

/**
 * Where an audit detail must be hidden, as offsets into the original string. Found on the text with
 * look-alike characters folded (full-width, circled, superscript digits, invisible separators), as
 * the engine does. A UUID (a contact id) stays: the engine never hides one, and a SIEM needs it.
 * `actor` keeps e-mail addresses (a username may be one: the actor, not customer data).
 */
export function auditMaskSpans(kind: AuditStringKind, original: string): AuditMaskSpan[] {
  const normalized = normalizeForDetection(original);
  const kept = uuidSpans(normalized.text);
  // The number and token shapes are looked for with each UUID blanked out: an IBAN-like or digit
  // stretch starting inside a UUID ("…-bb29-8d83395ebc55" has an IBAN's shape) would hide a third of
  // contact ids, and one running on past it could swallow the start of a real IBAN after it. Blanks
  // keep offsets. E-mail addresses and passwords are looked for in the text as written: a UUID
  // there is the secret, not an id.
  const written = normalized.text;
  const text = kept.length === 0 ? written : blankSpans(written, kept);
  const found: AuditMaskSpan[] = [];
  const add = (start: number, end: number, label: string): void => {
    if (end > start) found.push({ start: normalized.originalStart(start), end: normalized.originalEnd(end), label });
  };
  if (kind !== 'actor') for (const span of emailLikeSpans(written)) add(span.start, span.end, EMAIL_LABEL);
  // Said in words ("k dot patel at hotmail dot co dot uk"): every "at … dot com", spelt or not.
  if (kind !== 'actor') for (const span of spokenEmailSpans(written, 'any')) add(span.start, span.end, EMAIL_LABEL);
  // A value its key names (`{"lastFourSSN":"3684"}`, `dob=04121980`), as the engine reads it.
  for (const named of namedValuesIn(written)) add(named.start, named.end, MASK);
  for (const match of text.matchAll(IBAN_LIKE)) add(match.index, match.index + match[0].length, MASK);
  for (const match of text.matchAll(LONG_TOKEN)) add(match.index, match.index + match[0].length, MASK);
  for (const match of written.matchAll(PASSWORD_AFTER_WORD)) {
    const value = match[1] ?? '';
    const end = match.index + match[0].length;
    add(end - value.length, end, MASK);
  }
  const context = (kind === 'text' || kind === 'actor' ? FREE_TEXT_CONTEXT_WORDS : CONTEXT_WORDS).test(text);
  let cardEnd = -Infinity;
  for (const match of text.matchAll(context ? GLUED_LETTERS : DIGIT_RUN)) {
    const digits = digitCount(match[0]);
    const afterCard = match.index - cardEnd <= CARD_FORM_WINDOW;
    if (digits >= CARD_RUN_DIGITS) cardEnd = match.index + match[0].length;
    if (digits < (context || afterCard ? MIN_CONTEXT_RUN_DIGITS : MIN_RUN_DIGITS)) continue;
    add(match.index, match.index + match[0].length, MASK);
  }
  if (context) for (const match of text.matchAll(WRITTEN_DATE)) add(match.index, match.index + match[0].length, MASK);
  if (context) for (const span of mixedTokenSpans(text)) add(span.start, span.end, MASK);
  if (text.includes('\n')) {
    for (const line of text.matchAll(CALLER_LINE))
      for (const digits of line[0].matchAll(DIGITS)) add(line.index + digits.index, line.index + digits.index + digits[0].length, MASK);
  }
  if (context) for (const match of text.matchAll(RESIDENCE_CARD_LIKE)) add(match.index, match.index + match[0].length, MASK);
  return mergeSpans(found);
}

/** Overlapping or touching spans become one; an e-mail label wins over a mask in it. */
function mergeSpans(spans: AuditMaskSpan[]): AuditMaskSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: AuditMaskSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      if (span.label === EMAIL_LABEL) last.label = EMAIL_LABEL;
    } else merged.push({ ...span });
  }
  return merged;
}

/**
 * The audit trail's own masker: what a detail may keep, hidden by shape. The masking engine is not
 * used here because the service worker builds audit events at every wake and would then load the
 * whole engine and its phone metadata (see README "Performance"); this one is stricter than the
 * engine (every masked span is a fixed `••••`, no last four shown).
 */
export function maskAuditText(kind: AuditStringKind, original: string): string {
  let out = '';
  let at = 0;
  for (const span of auditMaskSpans(kind, original)) {
    out += original.slice(at, span.start) + span.label;
    at = span.end;
  }
  return out + original.slice(at);
}

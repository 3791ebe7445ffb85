import { labelledAsOtherNumber } from '../labelledAsOtherNumber.ts';
import { Metadata, isSupportedCountry, type CountryCode } from '../../phone/phoneLibrary.ts';
import { isPossibleWrittenPhoneNumber, isValidWrittenPhoneNumber } from '../../phone/compiledPhoneValidation.ts';
import type { DigitSpan } from '../digitSpans.ts';
import type { Detector, Finding } from '../Finding.ts';
// For these countries a national match must start with 0 (a US zip+4, 94105-1234, is no Japanese phone).
import { TRUNK_ZERO_COUNTRIES } from '../../phone/trunkPrefix.ts';
import { countriesNamedIn } from '../countriesNamedIn.ts';

/**
 * Phone numbers, validated by libphonenumber-js with its *max* metadata. The min metadata only
 * checks a number's length per country (its `isValid` is `isPossible`), which turns order numbers
 * and zip+4 codes into "phones"; max carries each country's digit patterns, for ~70 KB more in an
 * extension that loads it from disk once. Precision matters here: an agent must see order numbers.
 *
 * The library's own text finder (`findPhoneNumbersInText`) costs ~0.5 ms per call and grows badly
 * on digit-heavy text (hundreds of ms for 32 KB of "1 1 1 …"). So candidates are found by a
 * linear scan over digit groups, shaped like written numbers (a one-digit group only as a leading
 * country or trunk code, or as the area code right after "+<country code>", 7–15 digits, a national length the default country uses), and only those
 * are validated, longest first: by `isValidWrittenPhoneNumber` (`src/core/phone/compiledPhoneValidation.ts`),
 * the library's `isValidPhoneNumber` answer from patterns compiled once instead of on every call; a
 * number written with "+" is also taken when it is only possible (`isPossibleWrittenPhoneNumber`).
 */
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;
/** Longest run of separators between two groups: ") " and " - " are the longest in use. */
const MAX_GAP = 3;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isGapChar(code: number): boolean {
  return code === 0x20 || code === 0x2d || code === 0x2e || code === 0x28 || code === 0x29;
}
/** 1 to `MAX_GAP` spaces, dashes, dots or parentheses between two digit groups of a written number. */
function isPhoneGap(text: string, from: number, to: number): boolean {
  if (to - from > MAX_GAP) return false;
  for (let i = from; i < to; i++) if (!isGapChar(text.charCodeAt(i))) return false;
  return true;
}
function isAsciiAlnum(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * A match glued to an identifier (`ORD-2024-000123`, `INV_5551234567`, `A4155552671`) is part of
 * that identifier, not a phone number. CJK text directly around a number does not count as glue.
 */
function isPartOfIdentifier(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  if (isAsciiAlnum(before)) return !afterPhoneLabel(text, start);
  if (before === 0x20 && endsUpsTrackingNumber(text, start, end)) return true;
  if (start > 1 && gluesOn(before, text.charCodeAt(start - 2)) && !(before === SLASH && slashListsValues(text, start - 1, -1))) return true;
  const after = end < text.length ? text.charCodeAt(end) : 0;
  if (isAsciiAlnum(after)) return !isExtensionAt(text, end);
  if (end + 1 < text.length && gluesOn(after, text.charCodeAt(end + 1)) && !(after === SLASH && slashListsValues(text, end, 1))) return true;
  return false;
}

/** Labels written straight onto a number in compact data (`TEL0312345678`, `mobile09012345678`). */
const PHONE_LABELS: ReadonlySet<string> = new Set(['tel', 'phone', 'ph', 'mobile', 'mob', 'cell', 'fax', 'telno']);
const LONGEST_LABEL = 6;

/** True when the letters right before `start` are a whole phone label, not part of an id (`A4155552671`). */
function afterPhoneLabel(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && start - i <= LONGEST_LABEL && isAsciiLetter(text.charCodeAt(i - 1))) i--;
  if (i === start || (i > 0 && isAsciiAlnum(text.charCodeAt(i - 1)))) return false;
  return PHONE_LABELS.has(text.slice(i, start).toLowerCase());
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const SLASH = 0x2f;
/** How far a value across a slash is read. */
const MAX_ACROSS_SLASH = 40;
/** Digits that make what lies across a slash a number of its own (the shortest national phone number). */
const NUMBER_OF_ITS_OWN = 7;

/**
 * True when the slash at `slash` parts two values rather than gluing an identifier together: what
 * lies across it, read in `direction` up to a space or another slash, is an e-mail address
 * (`taro@example.com/090-1234-5678`), a number of its own (`090-1234-5678/03-1234-5678`, TEL/FAX
 * pairs), or a label and a colon (`…/FAX:03-…`). `INV/5551234567`, `4155550123/2` stay identifiers.
 */
function slashListsValues(text: string, slash: number, direction: 1 | -1): boolean {
  let digits = 0;
  let letters = 0;
  for (let i = slash + direction, read = 0; i >= 0 && i < text.length && read < MAX_ACROSS_SLASH; i += direction, read++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === SLASH || code === 0x0a || code === 0x09) break;
    if (code === 0x40) return true;
    if (isDigit(code)) digits++;
    else if (isAsciiAlnum(code)) letters++;
    else if (code === 0x3a && direction === 1 && letters > 0 && digits === 0) return true;
  }
  return digits >= NUMBER_OF_ITS_OWN;
}

/** A UPS tracking number: `1Z`, then sixteen letters and digits. */
const UPS_LENGTH = 18;

/**
 * True when the window `[start, end)` ends a UPS tracking number printed in groups, as on the
 * label (`1Z 999 AA1 01 2345 6784`): read back over single spaces and letters and digits from the
 * window's end, eighteen of them, the first two `1Z`. A number after a label (`Room A1 03-…`) is
 * no such thing.
 */
function endsUpsTrackingNumber(text: string, start: number, end: number): boolean {
  let count = 0;
  let i = end - 1;
  for (; i >= 0 && count < UPS_LENGTH; i--) {
    const code = text.charCodeAt(i);
    if (isAsciiAlnum(code)) count++;
    // Inside the window its own gaps; before it, single spaces between the label's groups.
    else if (i >= start ? !isGapChar(code) : code !== 0x20 || text.charCodeAt(i - 1) === 0x20) return false;
  }
  const first = i + 1;
  if (count !== UPS_LENGTH || first >= start) return false;
  return text.charCodeAt(first) === 0x31 && (text.charCodeAt(first + 1) | 32) === 0x7a && !(first > 0 && isAsciiAlnum(text.charCodeAt(first - 1)));
}

/** The longest extension after a glued `x`. */
const MAX_EXTENSION = 6;

/**
 * `x45` right after a number: its extension, as libphonenumber and most CRMs write it
 * (`415-555-0123x45`), not a letter gluing the number into an identifier.
 */
function isExtensionAt(text: string, at: number): boolean {
  if ((text.charCodeAt(at) | 32) !== 0x78) return false;
  let i = at + 1;
  while (i < text.length && i - at - 1 < MAX_EXTENSION && isDigit(text.charCodeAt(i))) i++;
  return i > at + 1 && !isAsciiAlnum(i < text.length ? text.charCodeAt(i) : 0);
}

/**
 * A joiner with more of an identifier beyond it: `-`, `_` or `/` then a letter or digit, `:` or `.`
 * then a digit (`2025-03-21 08:56:02` is a time stamp, `090-1234-5678-9` no phone number, while
 * `TEL:03-1234-5678` and "…5678. Thanks" are).
 */
function gluesOn(joiner: number, beyond: number): boolean {
  if (joiner === 0x2d || joiner === 0x5f || joiner === 0x2f) return isAsciiAlnum(beyond);
  if (joiner === 0x3a || joiner === 0x2e) return isDigit(beyond);
  return false;
}

/** What `text.lastIndexOf('(', to) >= from` says (true for a negative `from`, as -1 >= -1), without looking further back than `from`. */
function hasOpeningParenthesis(text: string, from: number, to: number): boolean {
  if (from < 0) return true;
  for (let i = to; i >= from; i--) if (text.charCodeAt(i) === 0x28) return true;
  return false;
}

/** Widens a window's start over a directly preceding "(" and "+" so "+1 (213) 373-4253" is parsed whole. */
function widenStart(text: string, start: number): number {
  let s = start;
  if (s > 0 && text.charCodeAt(s - 1) === 0x28) s--;
  if (s > 0 && text.charCodeAt(s - 1) === 0x2b) s--;
  return s;
}

/** The longest calling code (ITU-T E.164). */
const MAX_CALLING_CODE = 3;

/**
 * `text[start, end)`, led by "+", is one block of digits ("+447700900123") or starts with a group
 * short enough to be a calling code ("+44 7700 900123"); "+2444(2008-07-11" is not how anyone writes
 * a phone number.
 */
function writtenAsInternationalNumber(text: string, start: number, end: number): boolean {
  let i = start + 1;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  return i === end || i - (start + 1) <= MAX_CALLING_CODE;
}

/** National significant-number lengths of a country, from the library's metadata. */
function nationalLengths(country: CountryCode): ReadonlySet<number> {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  return new Set(metadata.numberingPlan?.possibleLengths() ?? []);
}

/**
 * North American numbers are written 3-3-4 (with an optional leading 1) or as one block; 339-2073916
 * is an order number. The groupings as their digit-group sizes, one hexadecimal digit per group
 * (a window has at most 15 digits, so a size fits one): 3-3-4 is 0x334.
 */
const NANP: ReadonlySet<string> = new Set(['US', 'CA']);
const NANP_GROUPINGS: ReadonlySet<number> = new Set([0x334, 0x1334, 0xa, 0xb, 0x1a]);
/** More groups than the longest NANP grouping (1-3-3-4) has. */
const MAX_NANP_GROUPS = 4;

function isNanpGrouping(text: string, start: number, end: number): boolean {
  // The sizes of the digit groups, read without building a string.
  let sizes = 0;
  let groups = 0;
  let size = 0;
  for (let i = start; i <= end; i++) {
    if (i < end && isDigit(text.charCodeAt(i))) {
      size++;
      continue;
    }
    if (size === 0) continue;
    if (++groups > MAX_NANP_GROUPS) return false;
    sizes = sizes * 16 + size;
    size = 0;
  }
  return NANP_GROUPINGS.has(sizes);
}

/**
 * A window of a longer uniform grouping ("9400 7785 4425 0455 6657 50", a Luhn-failing
 * "3600 9705 0826 04") is part of that number: a neighbour joined by one space with as many
 * digits as the window's edge group continues it.
 */
function continuesGrouping(text: string, neighbour: DigitSpan | undefined, edge: DigitSpan, neighbourBefore: boolean): boolean {
  if (neighbour === undefined) return false;
  const gapStart = neighbourBefore ? neighbour.end : edge.end;
  const gapEnd = neighbourBefore ? edge.start : neighbour.start;
  return gapEnd - gapStart === 1 && text.charCodeAt(gapStart) === 0x20 && neighbour.end - neighbour.start === edge.end - edge.start;
}

/** How far from a number its country's name is looked for, within the number's line. */
const COUNTRY_NAME_REACH = 160;

/**
 * The countries named on the lines of the given numbers (`[start, end, …]`), at most
 * `COUNTRY_NAME_REACH` characters away: where the customer is, said beside the number ("Sydney,
 * Australia; new mobile 0412 …"). Read near the numbers only, as a long text's name look-up cost more
 * than the naive regex over all of it; windows that meet are read once.
 */
function countriesNamedNear(text: string, unread: readonly number[]): string[] {
  const found: string[] = [];
  let readUntil = 0;
  for (let k = 0; k + 1 < unread.length; k += 2) {
    const start = unread[k] ?? 0;
    const end = unread[k + 1] ?? start;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    const lineEnd = text.indexOf('\n', end);
    const from = Math.max(readUntil, lineStart, start - COUNTRY_NAME_REACH);
    const to = Math.min(lineEnd < 0 ? text.length : lineEnd, end + COUNTRY_NAME_REACH);
    if (to <= from) continue;
    for (const code of countriesNamedIn(text.slice(from, to))) if (!found.includes(code)) found.push(code);
    readUntil = to;
  }
  return found;
}

/** Group `index` of the chain `spans[chainStart, chainStart + length)`, or undefined outside it. */
function groupOf(spans: readonly DigitSpan[], chainStart: number, length: number, index: number): DigitSpan | undefined {
  return index >= 0 && index < length ? spans[chainStart + index] : undefined;
}

/** What the detector knows of one country it reads national numbers in. */
interface NationalPlan {
  country: CountryCode;
  needsTrunkZero: boolean;
  lengths: ReadonlySet<number>;
}

/**
 * `countries`: the countries national numbers (no `+`) are read in, in order (see
 * `candidatePhoneCountries`); a national number valid in any of them is a phone number.
 * International numbers are always read. With `readNamedCountries`, a text that names a country
 * whose national numbers start with a trunk 0 (`countriesNamedIn`) is read in that country too.
 */
export function createPhoneDetector(
  countries: string | readonly string[] | undefined,
  validate: (written: string, country?: CountryCode) => boolean = isValidWrittenPhoneNumber,
  readNamedCountries = true,
): Detector {
  const listed = typeof countries === 'string' ? [countries] : (countries ?? []);
  const plans: NationalPlan[] = [];
  for (const code of listed) {
    if (!isSupportedCountry(code) || plans.some((p) => p.country === code)) continue;
    plans.push({ country: code, needsTrunkZero: TRUNK_ZERO_COUNTRIES.has(code), lengths: nationalLengths(code) });
  }

  /** Cheap shape check: the digit count is a national length, or one more with a trunk/NANP prefix (0 or 1). */
  function hasNationalLength(plan: NationalPlan, digits: number, lead: string): boolean {
    if (plan.lengths.has(digits)) return true;
    return (lead === '0' || lead === '1') && plan.lengths.has(digits - 1);
  }

  /**
   * The trunk-zero and length rules of each plan worked out once per leading digit: bit n of
   * `countsByLead[10 * p + d]` is set when plan `p` may read a national window of n digits that
   * starts with the digit d. `acceptedByLead[d]` is their union, so that windows no country could
   * read are skipped before anything else is looked at.
   */
  const countsByLead = new Int32Array(10 * plans.length);
  const acceptedByLead = new Int32Array(10);
  plans.forEach((plan, p) => {
    for (let lead = 0; lead <= 9; lead++) {
      const char = String(lead);
      if (plan.needsTrunkZero && char !== '0') continue;
      for (let digits = MIN_DIGITS; digits <= MAX_DIGITS; digits++) {
        if (!hasNationalLength(plan, digits, char)) continue;
        countsByLead[10 * p + lead] = (countsByLead[10 * p + lead] ?? 0) | (1 << digits);
        acceptedByLead[lead] = (acceptedByLead[lead] ?? 0) | (1 << digits);
      }
    }
  });
  const nanpPlan = plans.map((plan) => NANP.has(plan.country));

  /** True when plan `p`'s trunk-zero and length rules let it read a national window of `digits` digits led by the digit `lead`. */
  function plausibleIn(p: number, lead: number, digits: number): boolean {
    return ((countsByLead[10 * p + lead] ?? 0) & (1 << digits)) !== 0;
  }

  /**
   * `digits`: how many digits `text[start, end)` holds (the window's groups; nothing between them
   * is a digit). The shape is judged on the text itself, each plan's rules and the North American
   * grouping once; only a plausible candidate becomes a string, validated in the plausible
   * countries in the plans' order. Nothing is remembered between calls: validation costs about
   * what a cache look-up did, and no phone number outlives the call.
   */
  function isPhone(text: string, start: number, end: number, digits: number): boolean {
    if (text.charCodeAt(start) === 0x2b) {
      if (isPartOfIdentifier(text, start, end)) return false;
      // A "+", a country's calling code and as many digits as that country's numbers have is how
      // people write phone numbers, and nothing else: shown only because its digits fall in no
      // range the country has allocated (+44 7700 900123, +1 555 010 9999, a mistyped digit), it
      // would still be a customer's number, or nearly. Fail closed: a possible number is masked,
      // when written as numbers are (the calling code a group of its own, or one block).
      const written = text.slice(start, end);
      return validate(written) || (writtenAsInternationalNumber(text, start, end) && isPossibleWrittenPhoneNumber(written));
    }
    // The first digit, past an opening parenthesis: "(0" and "0" both lead with 0.
    const lead = text.charCodeAt(text.charCodeAt(start) === 0x28 ? start + 1 : start) - 48;
    // The North American grouping, read once however many plans ask: -1 not yet read, else 0 or 1.
    let grouping = -1;
    let plausible = false;
    for (let p = 0; p < plans.length && !plausible; p++) {
      if (!plausibleIn(p, lead, digits)) continue;
      if (nanpPlan[p] === true) {
        if (grouping < 0) grouping = isNanpGrouping(text, start, end) ? 1 : 0;
        if (grouping === 0) continue;
      }
      plausible = true;
    }
    if (!plausible || isPartOfIdentifier(text, start, end)) return false;
    const written = text.slice(start, end);
    for (let p = 0; p < plans.length; p++) {
      const plan = plans[p];
      if (plan === undefined || !plausibleIn(p, lead, digits)) continue;
      if (nanpPlan[p] === true) {
        if (grouping < 0) grouping = isNanpGrouping(text, start, end) ? 1 : 0;
        if (grouping === 0) continue;
      }
      if (validate(written, plan.country)) return true;
    }
    return false;
  }
  /** Detectors that also read the trunk-0 countries a text names, by the countries added (few: bounded). */
  const withNamed = new Map<string, Detector>();
  const MAX_NAMED_DETECTORS = 16;
  function namedCountriesDetector(text: string, unread: readonly number[]): Detector | null {
    const extra = countriesNamedNear(text, unread).filter((c) => TRUNK_ZERO_COUNTRIES.has(c) && isSupportedCountry(c) && !plans.some((p) => p.country === c));
    if (extra.length === 0) return null;
    const key = extra.join(',');
    let detector = withNamed.get(key);
    if (detector === undefined) {
      detector = createPhoneDetector([...listed, ...extra], validate, false);
      if (withNamed.size < MAX_NAMED_DETECTORS) withNamed.set(key, detector);
    }
    return detector;
  }

  return {
    name: 'phone',
    detect(input) {
      const { text } = input;
      const findings: Finding[] = [];
      // The windows' last groups and digit counts, reused for every start group (`count` of them in use).
      const ends: number[] = [];
      const endDigits: number[] = [];
      // Digit groups joined by short gaps of spaces, dashes, dots and parentheses: each chain is
      // spans[chainStart, chainEnd) of the value's digit spans, read in place.
      const spans = input.digitSpans();
      // Where each 0-led chain no country read starts and ends (pairs), for the country-name look-up.
      const unread: number[] = [];
      let chainStart = 0;
      while (chainStart < spans.length) {
        let chainEnd = chainStart + 1;
        // Most chains (dates, amounts, postal codes) hold fewer digits than any phone number: counted
        // while the chain is read.
        let previous = spans[chainStart];
        let chainDigits = previous === undefined ? 0 : previous.end - previous.start;
        for (let next = spans[chainEnd]; next !== undefined && previous !== undefined && isPhoneGap(text, previous.end, next.start); next = spans[chainEnd]) {
          chainDigits += next.end - next.start;
          previous = next;
          chainEnd++;
        }
        const length = chainEnd - chainStart;
        const foundBefore = findings.length;
        let i = chainDigits >= MIN_DIGITS ? 0 : length;
        while (i < length) {
          const first = groupOf(spans, chainStart, length, i);
          if (!first) break;
          // Where a match from group i starts, past a "(" and a "+": the same for every window.
          const start = widenStart(text, first.start);
          // A national window is read by some country only with a digit count its lead allows.
          const acceptedCounts = text.charCodeAt(start) === 0x2b ? -1 : (acceptedByLead[text.charCodeAt(first.start) - 48] ?? 0);
          // No window longer than the longest accepted count is read (a US default: 10 or 11 digits).
          const longest = acceptedCounts < 0 ? MAX_DIGITS : 31 - Math.clz32(acceptedCounts);
          // Windows from group i, as long as they look like a written number.
          let count = 0;
          let digits = 0;
          // After "+<country code>", a one-digit area code is normal: +81 3 …, +33 1 …; so is a
          // one-digit exchange after a trunk 0 and a four-digit area code (Japan: 01267-2-1234).
          const international = first.start > 0 && text.charCodeAt(first.start - 1) === 0x2b;
          const oneDigitSecond = international || (first.end - first.start === 5 && text.charCodeAt(first.start) === 0x30);
          for (let j = i; j < length && acceptedCounts !== 0; j++) {
            const group = groupOf(spans, chainStart, length, j);
            if (!group) break;
            const size = group.end - group.start;
            if (j > i && size === 1 && !(oneDigitSecond && j === i + 1)) break;
            digits += size;
            if (digits > longest) break;
            if (digits >= MIN_DIGITS && (acceptedCounts & (1 << digits)) !== 0) {
              ends[count] = j;
              endDigits[count] = digits;
              count++;
            }
          }
          let matchedUntil = -1;
          for (let k = count - 1; k >= 0; k--) {
            const lastIndex = ends[k] ?? -1;
            const last = groupOf(spans, chainStart, length, lastIndex);
            if (!last) continue;
            let end = last.end;
            if (end < text.length && text.charCodeAt(end) === 0x29 && hasOpeningParenthesis(text, first.start - 1, end)) end++;
            if (
              continuesGrouping(text, groupOf(spans, chainStart, length, i - 1), first, true) ||
              continuesGrouping(text, groupOf(spans, chainStart, length, lastIndex + 1), last, false)
            )
              continue;
            if (isPhone(text, start, end, endDigits[k] ?? 0) && !labelledAsOtherNumber(text, start)) {
              findings.push({ kind: 'phone', start, end, detector: 'phone' });
              matchedUntil = lastIndex >= 0 ? lastIndex : i;
              break;
            }
          }
          i = matchedUntil >= 0 ? matchedUntil + 1 : i + 1;
        }
        // A trunk-0 number long enough to be one that no country read: perhaps the text names its country.
        const lead = spans[chainStart];
        const last = spans[chainEnd - 1];
        if (findings.length === foundBefore && chainDigits >= MIN_DIGITS && lead !== undefined && last !== undefined && text.charCodeAt(lead.start) === 0x30) {
          unread.push(lead.start, last.end);
        }
        chainStart = chainEnd;
      }
      // A country the text names (a trunk 0 leads its national numbers): read with that country's plan too.
      if (unread.length > 0 && readNamedCountries) {
        const named = namedCountriesDetector(text, unread);
        if (named !== null) return named.detect(input);
      }
      return findings;
    },
  };
}

import { Metadata, isPossiblePhoneNumber, isValidPhoneNumber, type CountryCode } from './phoneLibrary.ts';

/**
 * `isValidPhoneNumber(written, country)` of libphonenumber-js (max metadata), with the same answer
 * for every input, at a fraction of the cost. The library builds a `Metadata` object, a
 * `PhoneNumber` and a `new RegExp` from its metadata strings on every call (20–50 µs); here each
 * numbering plan's patterns are compiled once, the first time the plan is needed, and the
 * library's own steps are followed on them:
 *
 * `parse.js` (input checks, `extractCountryCallingCode` with `stripIddPrefix` and the "international
 * number without +" rule, `extractNationalNumber` with its prefix-for-parsing, transform rule and
 * both guards, `getCountryByCallingCode`, the length limits), then `isValid.js` (`getNumberType`:
 * the national pattern, then each type's possible lengths and pattern, in the library's order).
 *
 * Only written numbers made of ASCII digits, spaces, `-`, `.`, `(`, `)` and one leading `+` take
 * this path (what the masking detector hands over); for them the library's RFC 3966, extension and
 * viability steps cannot change anything. Anything else is handed to the library itself.
 * `tests/unit/masking/phoneValidation.test.ts` compares both answers over every phone-shaped
 * candidate of the recorded corpus and over generated numbers for every country.
 */

/** The library's numbering-plan accessors read here (`source/metadata.js`); its typings declare only a few. */
interface LibraryType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface LibraryPlan {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(name: string): LibraryType | undefined;
}
interface LibraryMetadata {
  selectNumberingPlan(countryOrCallingCode: string): unknown;
  numberingPlan?: LibraryPlan;
  hasCallingCode(callingCode: string): boolean | undefined;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

/** `getNumberType`'s order: fixed line first, then these (`helpers/getNumberType.js`). */
const TYPE_ORDER = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;
/** `constants.js`. */
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_LENGTH_COUNTRY_CODE = 3;
const MAX_INPUT_STRING_LENGTH = 250;

interface CompiledType {
  pattern: RegExp;
  /** `Type.possibleLengths()`: the type's own, or the plan's. */
  lengths: readonly number[] | undefined;
}

interface CompiledPlan {
  callingCode: string;
  /** `IDDPrefix()`, matched where `search` would find it: at 0 (sticky). */
  idd: RegExp;
  /** `matchesEntirely(…, nationalNumberPattern())`. */
  national: RegExp;
  possibleLengths: readonly number[] | undefined;
  /** `^(?:nationalPrefixForParsing)`, or null without one. */
  prefixForParsing: RegExp | null;
  transformRule: string | undefined;
  /** `leadingDigits()`, matched where `search` would need it: at 0 (sticky). */
  leadingDigits: RegExp | null;
  hasTypes: boolean;
  /** The types with a pattern, in `TYPE_ORDER`. */
  types: CompiledType[];
}

/** Compiled regular expressions by source: types of one plan and plans of one calling code share patterns. */
const compiledSources = new Map<string, RegExp>();
function compiled(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let regex = compiledSources.get(key);
  if (regex === undefined) {
    regex = new RegExp(source, flags);
    compiledSources.set(key, regex);
  }
  return regex;
}

/** The max metadata through the library's own accessors, so the fields mean what they mean to the library. */
function libraryMetadata(): LibraryMetadata {
  return new Metadata() as unknown as LibraryMetadata;
}
const metadata = libraryMetadata();

/** Plans by country code or calling code, compiled on first use (the metadata is the same for every policy and engine). */
const plans = new Map<string, CompiledPlan>();

function compilePlan(countryOrCallingCode: string): CompiledPlan {
  const known = plans.get(countryOrCallingCode);
  if (known !== undefined) return known;
  const selecting = libraryMetadata();
  selecting.selectNumberingPlan(countryOrCallingCode);
  const plan = selecting.numberingPlan;
  if (plan === undefined) throw new Error('no numbering plan');
  const prefixForParsing = plan.nationalPrefixForParsing();
  const leadingDigits = plan.leadingDigits();
  const types: CompiledType[] = [];
  for (const name of TYPE_ORDER) {
    const type = plan.type(name);
    // `isNumberTypeEqualTo`: a type without a pattern never matches.
    if (type === undefined || !type.pattern()) continue;
    types.push({ pattern: compiled(`^(?:${type.pattern()})$`), lengths: type.possibleLengths() });
  }
  const compiledPlan: CompiledPlan = {
    callingCode: plan.callingCode(),
    // `new RegExp(undefined)` is the empty pattern, as in `stripIddPrefix`.
    idd: compiled(plan.IDDPrefix() ?? '(?:)', 'y'),
    national: compiled(`^(?:${plan.nationalNumberPattern()})$`),
    possibleLengths: plan.possibleLengths(),
    prefixForParsing: prefixForParsing ? compiled(`^(?:${prefixForParsing})`) : null,
    transformRule: plan.nationalPrefixTransformRule(),
    leadingDigits: leadingDigits ? compiled(leadingDigits, 'y') : null,
    hasTypes: plan.hasTypes(),
    types,
  };
  plans.set(countryOrCallingCode, compiledPlan);
  return compiledPlan;
}

function matchesEntirely(text: string, regex: RegExp): boolean {
  return regex.test(text);
}

function matchesAtStart(text: string, regex: RegExp): boolean {
  regex.lastIndex = 0;
  return regex.test(text);
}

/** `getNumberType(…) !== undefined`. */
function hasNumberType(nationalNumber: string, plan: CompiledPlan): boolean {
  if (!matchesEntirely(nationalNumber, plan.national)) return false;
  for (const type of plan.types) {
    if (type.lengths && !type.lengths.includes(nationalNumber.length)) continue;
    if (matchesEntirely(nationalNumber, type.pattern)) return true;
  }
  return false;
}

/** `getCountryByCallingCode`. */
function countryByCallingCode(callingCode: string, nationalNumber: string): string | undefined {
  const countries = metadata.getCountryCodesForCallingCode(callingCode);
  if (!countries) return undefined;
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const plan = compilePlan(country);
    if (plan.leadingDigits !== null) {
      if (nationalNumber && matchesAtStart(nationalNumber, plan.leadingDigits)) return country;
    } else if (plan.hasTypes && hasNumberType(nationalNumber, plan)) {
      return country;
    }
  }
  return undefined;
}

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

/** `checkNumberLength(nationalNumber, undefined, plan)`. */
function checkNumberLength(nationalNumber: string, plan: CompiledPlan): LengthCheck {
  const lengths = plan.possibleLengths;
  if (!lengths) return 'IS_POSSIBLE';
  const length = nationalNumber.length;
  const minimum = lengths[0] ?? 0;
  if (minimum === length) return 'IS_POSSIBLE';
  if (minimum > length) return 'TOO_SHORT';
  if ((lengths[lengths.length - 1] ?? 0) < length) return 'TOO_LONG';
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** `extractNationalNumber(number, undefined, plan)`: the national (significant) number. */
function extractNationalNumber(number: string, plan: CompiledPlan): string {
  let nationalNumber = number;
  if (number && plan.prefixForParsing !== null) {
    const match = plan.prefixForParsing.exec(number);
    if (match !== null) {
      const groups = match.length - 1;
      const hasCapturedGroups = groups > 0 && Boolean(match[groups]);
      nationalNumber = plan.transformRule && hasCapturedGroups ? number.replace(plan.prefixForParsing, plan.transformRule) : number.slice(match[0].length);
    }
  }
  if (nationalNumber === number) return nationalNumber;
  // `shouldHaveExtractedNationalPrefix`.
  if (matchesEntirely(number, plan.national) && !matchesEntirely(nationalNumber, plan.national)) return number;
  if (plan.possibleLengths) {
    const country = countryByCallingCode(plan.callingCode, nationalNumber);
    const lengthPlan = country ? compilePlan(country) : plan;
    const check = checkNumberLength(nationalNumber, lengthPlan);
    if (check === 'TOO_SHORT' || check === 'INVALID_LENGTH') return number;
  }
  return nationalNumber;
}

/** What `extractCountryCallingCode` gives: a calling code read from the number, and the digits after it. */
interface CallingCodeAndNumber {
  callingCode: string | undefined;
  number: string;
}

/** `extractCountryCallingCode` for `+<digits>` (`digits` without the plus); null where the library gives `{}`. */
function internationalCallingCode(digits: string): CallingCodeAndNumber | null {
  if (digits.charCodeAt(0) === 48) return null;
  for (let length = 1; length <= MAX_LENGTH_COUNTRY_CODE && length <= digits.length; length++) {
    const callingCode = digits.slice(0, length);
    if (metadata.hasCallingCode(callingCode)) return { callingCode, number: digits.slice(length) };
  }
  return null;
}

/** `extractCountryCallingCode(digits, undefined, country)` for a number written without a plus. */
function nationalCallingCode(digits: string, country: CompiledPlan): CallingCodeAndNumber | null {
  // `stripIddPrefix`: "011 44 …" dialled from the US is an international number.
  country.idd.lastIndex = 0;
  const idd = country.idd.exec(digits);
  if (idd !== null) {
    const rest = digits.slice(idd[0].length);
    if (rest !== '' && rest !== digits && rest.charCodeAt(0) !== 48) return internationalCallingCode(rest);
  }
  // `extractCountryCallingCodeFromInternationalNumberWithoutPlusSign`: "1 213 373 4253" in the US.
  const callingCode = country.callingCode;
  if (digits.startsWith(callingCode)) {
    const shorter = digits.slice(callingCode.length);
    const shorterNational = extractNationalNumber(shorter, country);
    const national = extractNationalNumber(digits, country);
    if (
      (!matchesEntirely(national, country.national) && matchesEntirely(shorterNational, country.national)) ||
      checkNumberLength(national, country) === 'TOO_LONG'
    ) {
      return { callingCode, number: shorter };
    }
  }
  return { callingCode: undefined, number: digits };
}

/** Digits, spaces, `-`, `.`, `(`, `)`, and a `+` only in front: the shapes this path answers for. */
const SIMPLE_WRITTEN = /^\+?[0-9 ().-]*$/;

const NOT_A_DIGIT = /[^0-9]/g;

/** The digits of a simple written number, or null when it has fewer than three (the library's viability rule then applies). */
function digitsOf(written: string, from: number): string | null {
  const digits = (from === 0 ? written : written.slice(from)).replace(NOT_A_DIGIT, '');
  return digits.length >= 3 ? digits : null;
}

/** What parse.js makes of a simple written number: its national number and the plan it is judged by. */
interface ParsedNumber {
  nationalNumber: string;
  plan: CompiledPlan;
  callingCode: string;
  /** The country `getCountryByCallingCode` chose, if any. */
  exactCountry: string | undefined;
}

/** `parsePhoneNumber` in parse.js for a simple written number: null where the library gives no number. */
function parseSimpleWritten(digits: string, international: boolean, country: CountryCode | undefined): ParsedNumber | null {
  const defaultPlan = !international && country !== undefined ? compilePlan(country) : null;
  const extracted = international ? internationalCallingCode(digits) : defaultPlan !== null ? nationalCallingCode(digits, defaultPlan) : null;
  if (extracted === null) return null;
  let selected: CompiledPlan;
  let chosenCountry: string | undefined;
  let callingCode: string;
  if (extracted.callingCode !== undefined) {
    callingCode = extracted.callingCode;
    selected = compilePlan(callingCode);
  } else if (extracted.number && defaultPlan !== null && country !== undefined) {
    chosenCountry = country;
    selected = defaultPlan;
    callingCode = defaultPlan.callingCode;
  } else {
    return null;
  }
  if (!extracted.number) return null;
  const nationalNumber = extractNationalNumber(extracted.number, selected);
  const exactCountry = countryByCallingCode(callingCode, nationalNumber);
  if (exactCountry) chosenCountry = exactCountry;
  // parse.js's length limits.
  if (!nationalNumber || nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return null;
  return { nationalNumber, plan: compilePlan(chosenCountry ?? callingCode), callingCode, exactCountry };
}

/**
 * `written` parsed as parse.js would: null where the library gives no number, `'library'` for the
 * shapes only the library answers for (anything but a simple written number, fewer than three digits).
 */
function parseWritten(written: string, country: CountryCode | undefined): ParsedNumber | null | 'library' {
  if (written.length > MAX_INPUT_STRING_LENGTH || !SIMPLE_WRITTEN.test(written)) return 'library';
  const international = written.charCodeAt(0) === 0x2b;
  const digits = digitsOf(written, international ? 1 : 0);
  return digits === null ? 'library' : parseSimpleWritten(digits, international, country);
}

/** The same answer as libphonenumber-js's `isValidPhoneNumber(written, country)` (max metadata). */
export function isValidWrittenPhoneNumber(written: string, country?: CountryCode): boolean {
  const parsed = parseWritten(written, country);
  if (parsed === 'library') return isValidPhoneNumber(written, country);
  if (parsed === null) return false;
  const { nationalNumber, plan, callingCode, exactCountry } = parsed;
  // `isValidNumber` on the chosen country (or the calling code's plan). Choosing among the
  // countries of a shared calling code, `countryByCallingCode` took a country without leading
  // digits only because the number has one of its types: the same test again.
  if (exactCountry !== undefined && plan.leadingDigits === null && (metadata.getCountryCodesForCallingCode(callingCode)?.length ?? 0) > 1) return true;
  return plan.hasTypes ? hasNumberType(nationalNumber, plan) : matchesEntirely(nationalNumber, plan.national);
}

/**
 * The same answer as libphonenumber-js's `isPossiblePhoneNumber(written, country)` (max metadata):
 * the number parses and its national number has a length its plan allows, whatever its digits.
 */
export function isPossibleWrittenPhoneNumber(written: string, country?: CountryCode): boolean {
  const parsed = parseWritten(written, country);
  if (parsed === 'library') return isPossiblePhoneNumber(written, country);
  return parsed !== null && checkNumberLength(parsed.nationalNumber, parsed.plan) === 'IS_POSSIBLE';
}

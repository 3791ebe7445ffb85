import type { AttributeRule, AttributeRuleKind, SensitiveKind } from '../policy/Policy.ts';
import { namesNumberOf, nameSays, type NameWords } from './contextWords.ts';
import { MY_NUMBER_NAME_PHRASES } from './detectors/myNumber.ts';
import { matchNameGlob } from './matchNameGlob.ts';

/** Where a name-based decision came from, for `explain`. */
type NameRuleSource = 'policy' | 'builtIn';

export interface NameRuleDecision {
  kind: AttributeRuleKind;
  source: NameRuleSource;
  /**
   * The name says the value is sensitive authentication data (CVV, PIN, one-time code, password):
   * never shown to anyone, not even on reveal, and holding one is an incident.
   */
  sensitiveAuth?: boolean;
}

interface BuiltInHint {
  kind: SensitiveKind;
  /** Whole words of the name (`pan` in `card_pan`, not in `company`). */
  words: readonly string[];
  /** Substrings of the compacted name (`cardnumber` in `Card-Number`). */
  phrases: readonly string[];
}

/**
 * Sensitive authentication data (PCI DSS): card verification codes, PINs, one-time codes and
 * passwords. No one may see them after authorisation, so no reveal shows them either.
 */
const SENSITIVE_AUTH_HINT: BuiltInHint = {
  kind: 'secret',
  words: ['cvv', 'cvc', 'cvv2', 'cvc2', 'cav2', 'cvn', 'pin', 'otp', 'password', 'passwd', 'pwd', 'passcode', 'pincode'],
  phrases: [
    'securitycode',
    'cardverification',
    'onetimepassword',
    'onetimecode',
    'onetimepasscode',
    'verificationcode',
    'セキュリティコード',
    'パスワード',
    '暗証番号',
    'ワンタイムパスワード',
    'ワンタイムコード',
    '認証コード',
    '確認コード',
    '認証番号',
  ],
};

/**
 * Names that say outright what the value is. Deliberately short: a hint masks the whole value
 * whatever it holds, so a loose hint would hide data agents need (an `accountNumber` is often the
 * customer's account id, so it is not here; organisations add such names as policy rules).
 */
const BUILT_IN_NAME_HINTS: readonly BuiltInHint[] = [
  { kind: 'pan', words: ['pan'], phrases: ['cardnumber', 'creditcard', 'debitcard', 'ccnumber', 'cardno', 'primaryaccountnumber', 'カード番号'] },
  // The answer to a security question (knowledge-based authentication) proves who the caller is, as a password does.
  {
    kind: 'secret',
    words: ['secret', 'token'],
    phrases: ['apikey', 'accesstoken', 'securityanswer', 'secretanswer', 'kbaanswer', 'challengeanswer', '秘密の答え', '秘密の質問の答え'],
  },
  { kind: 'ssn', words: ['ssn'], phrases: ['socialsecurity'] },
  { kind: 'myNumber', words: [], phrases: MY_NUMBER_NAME_PHRASES },
  { kind: 'iban', words: ['iban'], phrases: [] },
  { kind: 'abaRouting', words: ['aba', 'rtn'], phrases: ['routingnumber'] },
];

/**
 * "<subject> number" names, in whatever spelling of "number" (`namesNumberOf`): the subject says
 * whose number it is. マイナンバー's official English name is "Individual Number", and flows
 * abbreviate it (`indivNo`, `individual_nbr`) or write "my number" short (`mynum`, `my_no`); a
 * card number is `ccNum`, `card_no`, `CardNbr`, `card#`. Other subjects (`memberNo`, `invoice_no`,
 * `accountNbr`) are ids an agent needs, scanned like any value.
 */
const NUMBER_SUBJECTS: ReadonlyArray<{ kind: SensitiveKind; subjects: ReadonlySet<string> }> = [
  { kind: 'myNumber', subjects: new Set(['my', 'individual', 'indiv', 'indv', 'kojin', '個人']) },
  { kind: 'pan', subjects: new Set(['card', 'cc', 'credit', 'debit', 'pan', 'カード', 'クレジットカード']) },
  { kind: 'ssn', subjects: new Set(['ssn']) },
  { kind: 'abaRouting', subjects: new Set(['routing', 'aba']) },
];

const DOB_HINT: BuiltInHint = { kind: 'dob', words: ['dob'], phrases: ['dateofbirth', 'birthdate', 'birthday', '生年月日', '誕生日'] };

/** Names that hold only the last four digits (`panLast4`, `card_last_four`, `カード番号下4桁`): shown as written. */
const LAST_FOUR_PHRASES = ['last4', 'lastfour', 'last4digits', '下4桁', '下四桁', '末尾4桁', '末尾四桁'];

const EXPIRY_WORDS = ['exp', 'expiry', 'expiration', 'expdate', 'expiry_date', 'mmyy', '有効期限', '期限'];
/** Words that may stand next to an expiry word in a card expiry's name; any other subject (`tokenExpiry`) makes it something else's expiry. */
const CARD_EXPIRY_COMPANIONS = new Set([
  'card',
  'cc',
  'credit',
  'debit',
  'pan',
  'date',
  'month',
  'year',
  'mm',
  'yy',
  'yyyy',
  'mmyy',
  'valid',
  'thru',
  'until',
  'of',
  'the',
  'カード',
  '有効',
  '日',
  '年月',
]);

/**
 * What a name is about is its last word in English compounds (`tokenIssuedAt` is a time,
 * `pinAttempts` a count, `otpStatus` a status) and in Japanese (`パスワード再設定日時` is a time).
 * Such a name holds facts about a secret, not the secret: its value is scanned like any other.
 */
const ABOUT_SOMETHING_ELSE = new Set([
  'at',
  'time',
  'timestamp',
  'ts',
  'date',
  'datetime',
  'on',
  'when',
  'status',
  'state',
  'result',
  'results',
  'type',
  'kind',
  'count',
  'attempts',
  'attempt',
  'tries',
  'retries',
  'length',
  'len',
  'format',
  'method',
  'required',
  'enabled',
  'verified',
  'valid',
  'validated',
  'flag',
  'sent',
  'expired',
  'expires',
  'reset',
  'changed',
  'updated',
  'created',
  'issued',
  'requested',
  'reason',
  'error',
  'mode',
  'strength',
  'policy',
  'id',
  // Outcomes of a check against the secret (`cvvMatch`, `pinCheck`, `otpResponse`), not the secret.
  'match',
  'matched',
  'check',
  'checked',
  'response',
  'outcome',
  'indicator',
  'locked',
  'lockout',
  'retry',
  // When a token or password stops working (`tokenExpiry`, `passwordExpiration`) and how a code was
  // sent (`otpChannel`); a card's expiry is decided before this list (`isCardExpiryName`).
  'expiry',
  'expiration',
  'channel',
  '日時',
  '日',
  '時刻',
  '日付',
  '状態',
  '結果',
  '回数',
  '種別',
  '有無',
  '桁数',
  '方法',
  '要否',
]);

/** First words that make a name a yes/no question about what follows. */
const FLAG_PREFIXES: ReadonlySet<string> = new Set(['is', 'has', 'was', 'did', 'should', 'can', 'needs']);

/** The name's head: its last word, skipping a trailing number (`card1` and `card_2` are about a card). */
function headWord(name: NameWords): string | undefined {
  for (let i = name.words.length - 1; i >= 0; i--) {
    const word = name.words[i];
    if (word !== undefined && !/^[0-9]+$/.test(word)) return word.replace(/[0-9]+$/, '') || word;
  }
  return undefined;
}

function isCardExpiryName(name: NameWords): boolean {
  const expiry = name.words.some((w) => EXPIRY_WORDS.includes(w)) || name.compact.includes('有効期限') || name.compact.includes('expirydate');
  if (!expiry) return false;
  return name.words.every((w) => EXPIRY_WORDS.includes(w) || CARD_EXPIRY_COMPANIONS.has(w) || /^[0-9]+$/.test(w));
}

/**
 * What the name alone says, before any policy rule: a built-in hint, or null (scan the value).
 * In order: names of only the last four digits, birth dates and card expiry dates (whose heads are
 * "date" but which are about a person or a card), names about something else than a secret,
 * sensitive authentication data, then the other hints.
 */
export function decideByBuiltInName(words: NameWords): NameRuleDecision | null {
  // A card's last four may be shown (PCI DSS); an SSN's last four is what a caller proves who they are with.
  if (LAST_FOUR_PHRASES.some((p) => words.compact.includes(p))) return nameSays(words, ['ssn'], ['socialsecurity']) ? { kind: 'ssn', source: 'builtIn' } : null;
  if (nameSays(words, DOB_HINT.words, DOB_HINT.phrases)) return { kind: 'dob', source: 'builtIn' };
  // Card expiry is cardholder data: hidden by default, revealable like any other secret.
  if (isCardExpiryName(words)) return { kind: 'secret', source: 'builtIn' };
  const head = headWord(words);
  if (head !== undefined && ABOUT_SOMETHING_ELSE.has(head) && words.words.length > 1) return null;
  // `isPinSet`, `hasOtp`: a yes/no about a secret.
  if (words.words.length > 1 && FLAG_PREFIXES.has(words.words[0] ?? '')) return null;
  if (nameSays(words, SENSITIVE_AUTH_HINT.words, SENSITIVE_AUTH_HINT.phrases)) return { kind: 'secret', source: 'builtIn', sensitiveAuth: true };
  for (const hint of BUILT_IN_NAME_HINTS) {
    if (nameSays(words, hint.words, hint.phrases)) return { kind: hint.kind, source: 'builtIn' };
  }
  for (const { kind, subjects } of NUMBER_SUBJECTS) if (namesNumberOf(words, subjects)) return { kind, source: 'builtIn' };
  return null;
}

/**
 * The policy's first matching rule wins; without one, `builtIn` (the name's built-in hint, from
 * `decideByBuiltInName`); otherwise null (scan the value).
 * A policy rule of kind `public` turns built-in hints off for that name — detection still runs.
 * A name that says sensitive authentication data stays so whatever kind a policy rule gives it.
 */
export function decideByPolicyRules(name: string, rules: readonly AttributeRule[], builtIn: NameRuleDecision | null): NameRuleDecision | null {
  for (const rule of rules) {
    if (!matchNameGlob(rule.match, name)) continue;
    if (builtIn?.sensitiveAuth === true && rule.kind !== 'public') return { kind: rule.kind, source: 'policy', sensitiveAuth: true };
    return { kind: rule.kind, source: 'policy' };
  }
  return builtIn;
}

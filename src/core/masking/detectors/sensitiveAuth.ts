import { LABEL_FAMILY } from '../labelMentions.ts';
import type { Detector, Finding } from '../Finding.ts';

export const SENSITIVE_AUTH_DETECTOR = 'sensitiveAuth';

/** What sort of authentication data, for the incident's audit event (never the value). */
export type SensitiveAuthSort = 'securityCode' | 'pin' | 'oneTimeCode' | 'password';

/** The sort a name or a context word says: `cvv`/`セキュリティコード` → securityCode, `暗証番号` → pin, … */
export function sensitiveAuthSort(words: string): SensitiveAuthSort {
  const lower = words.toLowerCase();
  if (
    /cv[vcn]|cav|security|verification ?(code|value)|cardverification|セキュリティ| on (the )?(back|front)|^裏/.test(lower) &&
    !/verificationcode|verification code/.test(lower)
  )
    return 'securityCode';
  if (/pin|暗証/.test(lower)) return 'pin';
  if (/otp|one.?time|verification|ワンタイム|認証コード|確認コード|認証番号|^code$|^コード$/.test(lower)) return 'oneTimeCode';
  return 'password';
}

/** True for a finding of this detector (its name carries the sort: `sensitiveAuth:pin`). */
export function isSensitiveAuthFinding(finding: { detector: string }): boolean {
  return finding.detector.startsWith(SENSITIVE_AUTH_DETECTOR);
}

// Bounded quantifiers only: each start position costs a constant amount of work. A note in
// parentheses may stand between the word and the code ("セキュリティコード（裏面3桁）：123", "CVV (3 digits): 123").
// How long the code is may be said between ("セキュリティコード3桁は081", "PIN (4 digits)"), and a
// one-time code may be read out in two halves ("739 204", "902-117"), digit by digit ("4 8 2 9 1 3", "4-7-1-9")
// or in pairs ("55 12 09"), and who sent it may stand between ("the code they texted me is"). A bare "code" counts only for
// four to eight digits and not after a word that makes it another code (`isOtherCode`).
const CODE_AFTER_WORD =
  /(cvv2?|cvc2?|cav2|cvn|security code|card verification (?:code|value)|セキュリティコード|pin(?: code| number)?|暗証番号|otp|one[- ]time (?:password|passcode|code)|verification code|ワンタイムパスワード|認証コード|確認コード|認証番号|passcode|(?:code|digits|number) on (?:the )?(?:back|front)|裏面?の(?:番号|数字|[34]桁)|code|コード)(?![a-z])(?: for (?:the|my|your) [a-z]{2,12})?(?: (?:you|they|we|i) (?:texted|sent|gave|emailed|got|received)(?: (?:me|you|us))?)?(?:[^0-9a-z\n]{0,2}[3-8] ?(?:桁|けた|-?digits?)(?![a-z]))?(?:[^0-9a-z\n(（]{0,3}[(（][^)）\n]{0,32}[)）])?[^0-9a-z\n]{0,6}(?:(?:is|was|to|will be|is now|=|は|が|を|:)[^0-9a-z\n]{0,4})?([0-9]{3}[ -][0-9]{3}|[0-9](?: [0-9]){2,7}|[0-9](?:-[0-9]){2,7}|[0-9]{2}(?: [0-9]{2}){1,3}|[0-9]{3,8})(?![0-9])/g;
// "password issued: …", "password reset to …": after such a verb the value must read as a password
// (`readsAsPassword`), as words follow too ("password changed to avoid lockout").
const PASSWORD_AFTER_WORD =
  /(password|passwd|pwd|pw|passcode|パスワード)(?![a-z])(?:[ \t]{1,4}(issued|set|reset|changed|updated))?[ \t]{0,4}([:=→]|->|is |to |は|を(?=[「『"']))[ \t]{0,4}[「『"']?([\x21-\x7e]{1,64})/g;

/** A count's unit right after a password's value: the value was a length ("8文字以上", "12 characters"). */
const LENGTH_AFTER = /^ ?(?:文字|字|桁|けた|characters?|chars?|letters?|digits?)/i;

/** Words of a card's security code, which make a bare "code" of three digits one. */
const CARD_CODE_TALK = /security|セキュリティ|cvv|cvc|裏面|on the back|card|カード/;

/** Words before a bare "code" that make it another code than an authentication one. */
const OTHER_CODES =
  /(?:zip|postal|post|area|country|promo|promotion|discount|coupon|voucher|gift|error|product|item|tracking|order|reference|ref|bar|qr|dial|status|response|reason|tax|sort|swift|bic|branch|bank|airport|station|store|shop|color|colour|source|郵便|商品|エラー|割引|クーポン|プロモ|ギフト|地域|国|銀行|金融機関|支店|店舗|駅|カラー|色|品番|問い合わせ|お問合せ|追跡|伝票|注文|番号|社員|部署|jan)[\s_-]?$/;

/** True when the bare "code" at `at` in `lower` follows a word that names another code ("zip code 94105", "割引コード"). */
function isOtherCode(lower: string, at: number): boolean {
  return OTHER_CODES.test(lower.slice(Math.max(0, at - 12), at));
}

/** Card verification codes are three or four digits; PINs and one-time codes four to eight. */
function lengthFits(word: string, digits: number): boolean {
  const cardCode =
    word.startsWith('cv') ||
    word.startsWith('cav') ||
    word.includes('security') ||
    word.includes('セキュリティ') ||
    word.startsWith('card') ||
    word.includes(' on ') ||
    word.startsWith('裏');
  return cardCode ? digits === 3 || digits === 4 : digits >= 4 && digits <= 8;
}

/** A password as people set them: a digit or a symbol in it, where a word after a verb has none. */
function readsAsPassword(value: string): boolean {
  return /[^a-z]/i.test(value);
}

/** The digits of a code as matched: `4 8 2 9 1 3` is six. */
function digitCount(value: string): number {
  let digits = 0;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== 0x20 && value.charCodeAt(i) !== 0x2d) digits++;
  return digits;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** A capital after a small letter: the start of a word inside a camelCase name. */
function startsCamelCaseWord(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  const before = text.charCodeAt(at - 1);
  return code >= 65 && code <= 90 && before >= 97 && before <= 122;
}

/**
 * Sensitive authentication data written into free text: "CVV 123", "PIN: 4821",
 * "セキュリティコードは123です", "one-time code 482913", "password: hunter2". Only the code itself is
 * masked, and it stays masked on reveal. A word glued into a longer one ("shipping 1234") does not count.
 */
export const sensitiveAuthDetector: Detector = {
  name: SENSITIVE_AUTH_DETECTOR,
  detect(input) {
    const { text } = input;
    const findings: Finding[] = [];
    // A word of `LABEL_WORDS.auth` must occur before either regex runs; most values hold none.
    if ((input.labelFamilies() & LABEL_FAMILY.auth) === 0) return findings;
    const { lower } = input;
    for (const pattern of [CODE_AFTER_WORD, PASSWORD_AFTER_WORD]) {
      pattern.lastIndex = 0;
      for (const match of lower.matchAll(pattern)) {
        const word = match[1] ?? '';
        const password = pattern === PASSWORD_AFTER_WORD;
        const value = (password ? match[4] : match[2]) ?? '';
        // After a verb or "to", only what reads as a password. (With no separator at all, "password
        // Seoul#0419x", the faker corpus's negatives lost precision: not read.)
        const unsure = match[2] !== undefined || match[3] === 'to ';
        if (password && unsure && !readsAsPassword(value)) continue;
        // "パスワードは8文字以上", "password: 12 characters or more": a rule's length, not a password.
        if (password && LENGTH_AFTER.test(text.slice(match.index + match[0].length, match.index + match[0].length + 12))) continue;
        // A word glued into a longer one is another word ("spin"), unless a capital starts it in a camelCase key ("attr.enteredPin=7204").
        if (match.index > 0 && isAsciiLetter(text.charCodeAt(match.index - 1)) && !startsCamelCaseWord(text, match.index)) continue;
        const digits = pattern === CODE_AFTER_WORD ? digitCount(value) : value.length;
        const bare = word === 'code' || word === 'コード';
        // Three digits after a bare "code" are a card's code only where the text speaks of one
        // ("セキュリティコード３桁をお願いします … コードが７４１です").
        const cardCodeAsBare = bare && digits === 3 && CARD_CODE_TALK.test(lower);
        if (pattern === CODE_AFTER_WORD && !cardCodeAsBare && !lengthFits(word, digits)) continue;
        if (bare && ((digits < 4 && !cardCodeAsBare) || isOtherCode(lower, match.index))) continue;
        // "裏の3桁" names a card's code where the text speaks of a card or its code ("カード裏面の３桁"), not an envelope's back.
        if (word.startsWith('裏') && word.endsWith('桁') && !/カード|セキュリティ|card|cvv|cvc/.test(lower)) continue;
        const end = match.index + match[0].length;
        findings.push({ kind: 'secret', start: end - value.length, end, detector: `${SENSITIVE_AUTH_DETECTOR}:${sensitiveAuthSort(word)}` });
      }
    }
    return findings;
  },
};

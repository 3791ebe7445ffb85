import { Faker, base, en, en_GB, en_US, ja } from '@faker-js/faker';
import { isValidPhoneNumber, parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import type { CorpusInput } from './classCorpus.ts';
import { isLuhnValid } from './isLuhnValid.ts';
import { PUBLISHED_TEST_CARDS } from './publishedTestValues.ts';

/**
 * A held-out corpus whose values come from outside the project: phone numbers, names, cards,
 * IBANs, e-mail addresses and birth dates from `@faker-js/faker`'s `ja`, `en_GB` and `en_US`
 * locales, plus published test card numbers (`publishedTestValues.ts`), written into the shapes
 * Amazon Connect contacts carry (attribute maps named in camelCase, snake_case, kebab-case,
 * PascalCase, abbreviations and Japanese; agent notes and chat lines in English and Japanese with
 * full-width digits, ideographic spaces, 「」 and the dashes Japanese input methods produce).
 *
 * Two splits with their own seeds and their own pools of attribute names, sentence frames and
 * look-alike negatives: `tuning` is what fixes were judged on (by per-class totals only);
 * `heldOut` shares none of its names or frames with it and is only ever scored.
 */
export type HeldOutClass = 'phone' | 'card' | 'myNumber' | 'iban' | 'email' | 'dateOfBirth' | 'sensitiveAuth';
export const HELD_OUT_CLASSES: readonly HeldOutClass[] = ['phone', 'card', 'myNumber', 'iban', 'email', 'dateOfBirth', 'sensitiveAuth'];

export type HeldOutSplit = 'tuning' | 'heldOut';

export interface HeldOutCase {
  class: HeldOutClass;
  split: HeldOutSplit;
  input: CorpusInput;
  sensitive: boolean;
  /** What must not survive in any output: digits only (compared in any digit form) or the text as written. */
  secret?: string;
}

const CASES_PER_SIDE = 120;
export const HELD_OUT_SEEDS: Readonly<Record<HeldOutSplit, number>> = { tuning: 4_102_026, heldOut: 77_190_531 };

/** One split's own vocabulary: nothing here is shared between the two splits. */
interface Pools {
  phoneNames: readonly string[];
  cardNames: readonly string[];
  myNumberNames: readonly string[];
  /** Names of other twelve-digit ids, whose values must stay visible. */
  otherIdNames: readonly string[];
  ibanNames: readonly string[];
  emailNames: readonly string[];
  dobNames: readonly string[];
  /** Names of dates that are not birth dates. */
  otherDateNames: readonly string[];
  authNames: readonly string[];
  /** Names about a secret that hold no secret (a count, a time, a status), with a value maker. */
  aboutAuthNames: readonly string[];
  harmlessNames: readonly string[];
  enFrames: readonly string[];
  jaFrames: readonly string[];
  /** Sentences that say "this is my card/phone/…": `{x}` is the value. */
  enCardFrames: readonly string[];
  jaCardFrames: readonly string[];
  enMyNumberFrames: readonly string[];
  jaMyNumberFrames: readonly string[];
  enDobFrames: readonly string[];
  jaDobFrames: readonly string[];
  enAuthFrames: readonly string[];
  jaAuthFrames: readonly string[];
  /** Harmless sentences mentioning an auth word (no code in them). */
  authChatter: readonly string[];
}

const POOLS: Readonly<Record<HeldOutSplit, Pools>> = {
  tuning: {
    phoneNames: ['phoneNumber', 'customer_phone', 'callbackNumber', '電話番号', 'mobile', 'custPhNo', 'contact-phone', 'TelNo'],
    cardNames: ['cardNumber', 'cc_num', 'カード番号', 'PAN', 'creditCard', 'card-no'],
    myNumberNames: ['myNumber', 'my_number', 'マイナンバー', 'individualNumber', 'individualNo', 'indiv_num', 'kojinBango'],
    otherIdNames: ['orderNumber', 'invoice_no', '注文番号', 'awsAccountId', 'memberNo', 'shipmentNum'],
    ibanNames: ['iban', 'bankAccountIban', 'IBAN', 'refund_iban'],
    emailNames: ['email', 'customerEmail', 'メールアドレス', 'contact_email'],
    dobNames: ['dob', 'dateOfBirth', '生年月日', 'birth_date', 'custDob'],
    otherDateNames: ['appointmentDate', 'orderDate', '受付日', 'last_contact_date'],
    authNames: ['cvv', 'securityCode', 'pin', 'otp', '暗証番号', 'password', 'cvv2', 'card_cvc'],
    aboutAuthNames: ['pinAttempts', 'otpStatus', 'passwordResetAt', 'cvvMatch', '暗証番号入力回数'],
    harmlessNames: ['queueName', 'orderId', 'trackingNumber', 'amount', 'postalCode', 'contactId', 'lastUpdated', 'appVersion', '注文番号', 'お届け予定日'],
    enFrames: [
      'Please call me back on {x}',
      'customer callback {x} after 5pm',
      'mobile: {x}',
      'new number is {x}, thanks',
      'Caller asked us to ring {x} instead',
    ],
    jaFrames: ['お電話は{x}までお願いします', '折り返し先：{x}', '携帯 {x} にご連絡ください', '連絡先は「{x}」です', '電話番号\u3000{x}'],
    enCardFrames: ['card number {x} exp 08/27', 'paid with {x}', 'Customer read out card {x}'],
    jaCardFrames: ['カード番号は{x}です', 'クレジットカード：{x}', 'お支払いカード「{x}」'],
    enMyNumberFrames: ['My Number is {x}', 'individual number {x} provided'],
    jaMyNumberFrames: ['マイナンバーは{x}です', '個人番号：{x}'],
    enDobFrames: ['DOB {x}', 'date of birth: {x}', 'born on {x}'],
    jaDobFrames: ['生年月日は{x}です', '生年月日：{x}', '誕生日 {x}'],
    enAuthFrames: ['CVV {x}', 'PIN is {x}', 'one-time code {x}'],
    jaAuthFrames: ['暗証番号は{x}です', 'セキュリティコード：{x}', '認証コード {x}'],
    authChatter: ['PIN reset requested', 'customer forgot password', '暗証番号の変更をご希望', 'OTP was not received', 'CVV check failed, asked to retry'],
  },
  heldOut: {
    phoneNames: ['CallerPhone', 'alt_phone_no', '携帯番号', '連絡先電話番号', 'homeTel', 'phone-number-2', 'cbNum', 'PhoneNbr'],
    cardNames: ['ccNum', 'CardNbr', 'クレジットカード番号', 'paymentCard', 'debit_card_number', 'card#'],
    myNumberNames: ['mynum', 'IndivNumber', '個人番号', 'individual-nbr', 'my_no', 'マイナンバー（個人番号）', 'indivNo'],
    otherIdNames: ['invoiceNumber', 'tracking_no', '伝票番号', 'accountNbr', 'policyNum', 'ReservationNo'],
    ibanNames: ['ibanNumber', 'payout-iban', 'CustomerIBAN', '口座IBAN'],
    emailNames: ['emailAddress', 'e_mail', 'Eメール', 'replyTo'],
    dobNames: ['DOB', 'customerBirthday', '誕生日', 'birthDt', 'date-of-birth'],
    otherDateNames: ['deliveryDate', 'contractStart', '予約日', 'due_date'],
    authNames: ['CVC', 'card_security_code', 'pinCode', 'oneTimePasscode', 'セキュリティコード', 'ワンタイムパスワード', 'verificationCode', 'パスワード'],
    aboutAuthNames: ['pinRetries', 'otp_sent_at', 'passwordChanged', 'cvvResult', 'パスワード変更日'],
    harmlessNames: ['queue', 'OrderNo', 'parcel_id', 'totalJpy', 'zip', 'ContactId', 'updated-at', 'buildVersion', '伝票番号', '配送日'],
    enFrames: ['Reach her at {x} tomorrow', 'caller left {x} as a contact', 'alt phone {x}', 'ring {x} re: order', 'TEL: {x}'],
    jaFrames: ['ご自宅の番号は{x}とのこと', '日中は{x}へ', '{x}に折り返し希望', '勤務先（{x}）', '携帯電話：{x}'],
    enCardFrames: ['the card is {x}, expires next year', 'charge {x} please', 'cc {x}'],
    jaCardFrames: ['カードは{x}でお願いします', 'ご登録カード {x}', '決済カード番号：「{x}」'],
    enMyNumberFrames: ['Individual Number: {x}', 'my number card shows {x}'],
    jaMyNumberFrames: ['個人番号は{x}', 'マイナンバー\u3000{x}'],
    enDobFrames: ['birthday {x}', 'D.O.B. {x}', 'Date of Birth {x}'],
    jaDobFrames: ['お誕生日は{x}', '生年月日\u3000{x}', '{x}生まれ'],
    enAuthFrames: ['security code: {x}', 'my PIN is {x}', 'verification code {x}'],
    jaAuthFrames: ['暗証番号：{x}', 'セキュリティコードは{x}', 'ワンタイムパスワード {x}'],
    authChatter: [
      'password reset link sent',
      'PIN locked after 3 tries',
      'セキュリティコードの場所が分からない',
      'verification pending',
      'ワンタイムパスワードが届かない',
    ],
  },
};

const FULL_WIDTH_OFFSET = 0xff10 - 48;
function fullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + FULL_WIDTH_OFFSET)).replace(/-/g, '－');
}
function digitsOf(text: string): string {
  return text.normalize('NFKC').replace(/[^0-9]/g, '');
}

/** The dashes people type between Japanese digit groups: ASCII, full-width, the hyphen, the minus, and the long-vowel mark an IME gives. */
const JA_DASHES = ['-', '－', '‐', '−', 'ー'];

type Maker = (f: Faker, p: Pools) => Omit<HeldOutCase, 'class' | 'split'>;

function frame(f: Faker, frames: readonly string[], value: string): string {
  return f.helpers.arrayElement(frames).replace('{x}', value);
}

function attributes(f: Faker, p: Pools, name: string, value: string): CorpusInput {
  // A realistic map: the value among a few harmless attributes a flow sets on every contact.
  const map: Record<string, string> = {};
  map[f.helpers.arrayElement(p.harmlessNames)] = harmlessValue(f);
  map[name] = value;
  map.language = f.helpers.arrayElement(['ja-JP', 'en-US', 'en-GB']);
  return { shape: 'attributes', attributes: map };
}

/** A valid number from faker's locale formats (faker's own digits are random; a real caller's number is allocated). */
function phoneOf(f: Faker, country: CountryCode): string {
  for (let i = 0; i < 200; i++) {
    const style = f.helpers.arrayElement(['human', 'national', 'national', 'international'] as const);
    const raw = f.phone.number({ style }).replace(/ x[0-9]+$/, '');
    if (isValidPhoneNumber(raw, country)) return raw;
  }
  throw new Error(`no valid ${country} number from faker`);
}

function myNumberCheck(body: string): string {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += (body.charCodeAt(11 - n) - 48) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return String(r <= 1 ? 0 : 11 - r);
}
function validMyNumber(f: Faker): string {
  const body = f.string.numeric({ length: 11, allowLeadingZeros: true });
  return body + myNumberCheck(body);
}

/** Harmless values a contact carries: they must stay exactly as written. */
function harmlessValue(f: Faker): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const when = f.date.recent({ days: 400 });
  const makers: Array<() => string> = [
    () => `ORD-${String(when.getFullYear())}-${f.string.numeric(6)}`,
    // Amazon's order number shape (3-7-7).
    () => `注文番号：${f.string.numeric(3)}-${f.string.numeric(7)}-${f.string.numeric(7)}`,
    () => `1Z${f.string.alphanumeric({ length: 6, casing: 'upper' })}${f.string.numeric(10)}`,
    () => `${f.string.numeric(4)}-${f.string.numeric(4)}-${f.string.numeric(4)}`.replace(/^./, '4'),
    () => `¥${f.number.int({ min: 1000, max: 9_999_999 }).toLocaleString('en-US')}`,
    () => `${f.number.int({ min: 1000, max: 999_999 }).toLocaleString('de-DE')},${f.string.numeric(2)} €`,
    () => `$${f.finance.amount({ min: 1000, max: 99_999, dec: 2 })}`,
    () => `〒${f.location.zipCode('###-####')}`,
    () => fakerEnGbLike(f),
    () => f.string.uuid(),
    () => when.toISOString(),
    () =>
      `${String(when.getFullYear())}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}`,
    () => `${String(when.getFullYear())}年${String(when.getMonth() + 1)}月${String(when.getDate())}日 ${String(when.getHours())}時${pad(when.getMinutes())}分`,
    () => `v${f.system.semver()}`,
    () => String(when.getTime()),
    () => f.commerce.isbn(13),
    () => `SKU-${f.string.alphanumeric({ length: 4, casing: 'upper' })}-${f.string.numeric(5)}`,
    () => `arn:aws:connect:ap-northeast-1:${f.string.numeric(12)}:instance/${f.string.uuid()}`,
    () => `${f.number.int({ min: 1, max: 12 })}:${pad(f.number.int(59))} - ${f.number.int({ min: 1, max: 12 })}:${pad(f.number.int(59))}`,
    () => `${f.string.numeric(2)}分${f.string.numeric(2)}秒`,
  ];
  return f.helpers.arrayElement(makers)();
}

/** A US zip+4 or a UK postcode: postal codes of the other two locales. */
function fakerEnGbLike(f: Faker): string {
  return f.datatype.boolean()
    ? f.location.zipCode('#####-####')
    : `${f.string.alpha({ length: 2, casing: 'upper' })}${String(f.number.int({ min: 1, max: 20 }))} ${String(f.number.int(9))}${f.string.alpha({ length: 2, casing: 'upper' })}`;
}

function harmlessCase(f: Faker, p: Pools): Omit<HeldOutCase, 'class' | 'split'> {
  const value = harmlessValue(f);
  if (f.datatype.boolean()) return { input: attributes(f, p, f.helpers.arrayElement(p.harmlessNames), value), sensitive: false };
  return { input: { shape: 'text', text: frame(f, [...p.enFrames, ...p.jaFrames], value) }, sensitive: false };
}

function jaGrouped(f: Faker, digits: string, sizes: readonly number[]): string {
  const dash = f.helpers.arrayElement(JA_DASHES);
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(digits.slice(at, at + size));
    at += size;
  }
  return groups.join(dash);
}

function cardGrouped(f: Faker, pan: string): string {
  // How each length is printed on cards and receipts: Amex 4-6-5, Diners 4-6-4, 13-digit Visa 4-4-5, 19 digits 4-4-4-4-3.
  const sizes =
    pan.length === 15
      ? [4, 6, 5]
      : pan.length === 14
        ? [4, 6, 4]
        : pan.length === 13
          ? [4, 4, 5]
          : pan.length === 16
            ? [4, 4, 4, 4]
            : [4, 4, 4, 4, pan.length - 16];
  switch (f.number.int(4)) {
    case 0:
      return pan;
    case 1:
      return jaGrouped(f, pan, sizes).replace(/[－‐−ー]/g, ' ');
    case 2:
      return jaGrouped(f, pan, sizes).replace(/[－‐−ー]/g, '-');
    default:
      return fullWidth(jaGrouped(f, pan, sizes).replace(/[－‐−ー]/g, ' '));
  }
}

const MAKERS: Readonly<Record<HeldOutClass, { positive: Maker; negative: Maker }>> = {
  phone: {
    positive(f, p) {
      const [locale, country] = f.helpers.arrayElement([
        [fakerFor.ja, 'JP'],
        [fakerFor.ja, 'JP'],
        [fakerFor.gb, 'GB'],
        [fakerFor.us, 'US'],
      ] as const);
      locale.seed(f.number.int(2 ** 31));
      let phone = phoneOf(locale, country);
      if (country === 'JP' && !phone.startsWith('+')) {
        const dash = f.helpers.arrayElement(JA_DASHES);
        phone = phone.replace(/-/g, dash);
        if (f.number.int(4) === 0) phone = fullWidth(phone);
      }
      // The national significant number must not survive (a trunk 0 or a country code may).
      const secret = parsePhoneNumberWithError(phone.normalize('NFKC').replace(/[‐−ー]/g, '-'), country).nationalNumber;
      const shape = f.number.int(3);
      if (shape === 0) return { input: attributes(f, p, f.helpers.arrayElement(p.phoneNames), phone), sensitive: true, secret };
      const frames = country === 'JP' ? p.jaFrames : p.enFrames;
      const text = frame(f, frames, phone);
      // Next to another value a caller gives in the same breath.
      const beside = shape === 1 ? '' : f.datatype.boolean() ? ` / ${harmlessValue(f)}` : ` ${fakerFor.us.internet.email()}`;
      return { input: { shape: 'text', text: text + beside }, sensitive: true, secret };
    },
    negative: (f, p) => harmlessCase(f, p),
  },
  card: {
    positive(f, p) {
      const pan = f.datatype.boolean()
        ? f.helpers.arrayElement(PUBLISHED_TEST_CARDS).number
        : digitsOf(f.finance.creditCardNumber(f.helpers.arrayElement(['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners_club'])));
      const written = cardGrouped(f, pan);
      if (f.number.int(3) === 0) return { input: attributes(f, p, f.helpers.arrayElement(p.cardNames), written), sensitive: true, secret: pan };
      const frames = f.datatype.boolean() ? p.jaCardFrames : p.enCardFrames;
      return { input: { shape: 'text', text: frame(f, frames, written) }, sensitive: true, secret: pan };
    },
    negative(f, p) {
      // Card-length numbers that are no card: a Luhn-failing member id, a 22-digit parcel number, or harmless values.
      const kind = f.number.int(3);
      if (kind === 0) {
        let id = `6${f.string.numeric(15)}`;
        while (isLuhnValid(id)) id = `6${f.string.numeric(15)}`;
        return { input: attributes(f, p, f.helpers.arrayElement(p.otherIdNames), cardGrouped(f, id)), sensitive: false };
      }
      if (kind === 1)
        return {
          input: {
            shape: 'text',
            text: frame(
              f,
              [...p.enFrames, ...p.jaFrames],
              `9400 ${f.string.numeric(4)} ${f.string.numeric(4)} ${f.string.numeric(4)} ${f.string.numeric(4)} ${f.string.numeric(2)}`,
            ),
          },
          sensitive: false,
        };
      return harmlessCase(f, p);
    },
  },
  myNumber: {
    positive(f, p) {
      const n = validMyNumber(f);
      const written = f.helpers.arrayElement([n, n, `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`, jaGrouped(f, n, [4, 4, 4]), fullWidth(n)]);
      if (f.number.int(3) !== 0) return { input: attributes(f, p, f.helpers.arrayElement(p.myNumberNames), written), sensitive: true, secret: n };
      const frames = f.datatype.boolean() ? p.jaMyNumberFrames : p.enMyNumberFrames;
      return { input: { shape: 'text', text: frame(f, frames, written) }, sensitive: true, secret: n };
    },
    negative(f, p) {
      // Twelve digits with a valid My Number check digit under a name that says what else they are.
      if (f.datatype.boolean()) return { input: attributes(f, p, f.helpers.arrayElement(p.otherIdNames), validMyNumber(f)), sensitive: false };
      return harmlessCase(f, p);
    },
  },
  iban: {
    positive(f, p) {
      const formatted = f.datatype.boolean();
      const iban = fakerFor.gb.finance.iban({ formatted, countryCode: f.helpers.arrayElement(['GB', 'DE', 'FR', 'NL', 'ES', 'IT', 'IE', 'BE']) });
      if (f.datatype.boolean()) return { input: attributes(f, p, f.helpers.arrayElement(p.ibanNames), iban), sensitive: true, secret: iban };
      return {
        input: { shape: 'text', text: f.helpers.arrayElement([`refund to ${iban}`, `IBAN: ${iban}`, `返金先口座は${iban}です`, `振込先 ${iban}`]) },
        sensitive: true,
        secret: iban,
      };
    },
    negative(f, p) {
      if (f.datatype.boolean()) {
        // An IBAN-shaped reference whose check digits are wrong.
        const iban = fakerFor.gb.finance.iban({ formatted: true, countryCode: 'DE' });
        const check = Number(iban.slice(2, 4));
        const wrong = `${iban.slice(0, 2)}${String((check + 1 + f.number.int(90)) % 100).padStart(2, '0')}${iban.slice(4)}`;
        return { input: { shape: 'text', text: `ref ${wrong}` }, sensitive: false };
      }
      return { input: attributes(f, p, 'bic', fakerFor.gb.finance.bic()), sensitive: false };
    },
  },
  email: {
    positive(f, p) {
      const source = f.helpers.arrayElement([fakerFor.ja, fakerFor.gb, fakerFor.us]);
      const email = source.internet.email();
      if (f.datatype.boolean()) return { input: attributes(f, p, f.helpers.arrayElement(p.emailNames), email), sensitive: true, secret: email };
      return {
        input: { shape: 'text', text: f.helpers.arrayElement([`please reply to ${email}`, `メールは${email}まで`, `e-mail: ${email}`, `連絡先「${email}」`]) },
        sensitive: true,
        secret: email,
      };
    },
    negative(f, p) {
      const kind = f.number.int(3);
      if (kind === 0) return { input: { shape: 'text', text: `see ${fakerFor.us.internet.url()} for details` }, sensitive: false };
      if (kind === 1) return { input: { shape: 'text', text: `@${fakerFor.us.internet.username()} on X said thanks` }, sensitive: false };
      return harmlessCase(f, p);
    },
  },
  dateOfBirth: {
    positive(f, p) {
      const date = fakerFor.ja.date.birthdate({ mode: 'age', min: 18, max: 90 });
      const written = writtenDate(f, date);
      if (f.datatype.boolean()) return { input: attributes(f, p, f.helpers.arrayElement(p.dobNames), written), sensitive: true, secret: written };
      const frames = /[年月]/.test(written) ? p.jaDobFrames : p.enDobFrames;
      return { input: { shape: 'text', text: frame(f, frames, written) }, sensitive: true, secret: written };
    },
    negative(f, p) {
      const written = writtenDate(f, f.date.soon({ days: 300 }));
      if (f.datatype.boolean()) return { input: attributes(f, p, f.helpers.arrayElement(p.otherDateNames), written), sensitive: false };
      return {
        input: {
          shape: 'text',
          text: f.helpers.arrayElement([`appointment on ${written}`, `${written}にお届け予定`, `order placed ${written}`, `ご予約日：${written}`]),
        },
        sensitive: false,
      };
    },
  },
  sensitiveAuth: {
    positive(f, p) {
      const name = f.helpers.arrayElement(p.authNames);
      const isCardCode = /cv|security|セキュリティ/i.test(name);
      const code = isCardCode
        ? f.string.numeric({ length: f.helpers.arrayElement([3, 3, 4]), allowLeadingZeros: true })
        : /pass|パスワード/i.test(name) && !/one|ワンタイム/i.test(name)
          ? f.internet.password({ length: 10 })
          : f.string.numeric({ length: f.helpers.arrayElement([4, 6]), allowLeadingZeros: true });
      if (f.datatype.boolean()) return { input: attributes(f, p, name, code), sensitive: true, secret: code };
      const sentence = f.helpers.arrayElement(f.datatype.boolean() ? p.jaAuthFrames : p.enAuthFrames);
      // A card verification code has three or four digits; a PIN four (Japan) to six, a one-time code four to eight (six in practice).
      const cardCode = /cvv|security|セキュリティ/i.test(sentence);
      const digits = f.string.numeric({
        length: f.helpers.arrayElement(cardCode ? [3, 3, 4] : /pin|暗証/i.test(sentence) ? [4, 4, 6] : [6, 6, 4, 8]),
        allowLeadingZeros: true,
      });
      return { input: { shape: 'text', text: sentence.replace('{x}', digits) }, sensitive: true, secret: digits };
    },
    negative(f, p) {
      const kind = f.number.int(3);
      if (kind === 0) {
        const name = f.helpers.arrayElement(p.aboutAuthNames);
        const value = /at$|日|Changed/i.test(name)
          ? f.date.recent().toISOString()
          : /Attempts|Retries|回数/i.test(name)
            ? String(f.number.int(5))
            : f.helpers.arrayElement(['M', 'N', 'sent', 'verified', 'true']);
        return { input: attributes(f, p, name, value), sensitive: false };
      }
      if (kind === 1) return { input: { shape: 'text', text: `${f.helpers.arrayElement(p.authChatter)} (${harmlessValue(f)})` }, sensitive: false };
      return harmlessCase(f, p);
    },
  },
};

const ERAS: ReadonlyArray<readonly [string, number]> = [
  ['平成', 1989],
  ['昭和', 1926],
];

/** A date the way an agent or a flow writes it, in one of the formats contact centres meet. */
function writtenDate(f: Faker, date: Date): string {
  const y = date.getFullYear();
  const m = date.getMonth() + 1;
  const d = date.getDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = date.toLocaleString('en-US', { month: 'long' });
  const era = ERAS.find(([, start]) => y >= start);
  const options = [
    `${String(y)}-${pad(m)}-${pad(d)}`,
    `${String(y)}/${String(m)}/${String(d)}`,
    `${pad(m)}/${pad(d)}/${String(y)}`,
    `${pad(d)}/${pad(m)}/${String(y)}`,
    `${String(y)}年${String(m)}月${String(d)}日`,
    `${month} ${String(d)}, ${String(y)}`,
    `${String(d)} ${month.slice(0, 3)} ${String(y)}`,
  ];
  if (era && y < 2019) options.push(`${era[0]}${String(y - era[1] + 1)}年${String(m)}月${String(d)}日`);
  return f.helpers.arrayElement(options);
}

/** Locale instances for values (re-seeded from the split's generator before each use, so the corpus is one seed per split). */
const fakerFor = {
  ja: new Faker({ locale: [ja, en, base] }),
  gb: new Faker({ locale: [en_GB, en, base] }),
  us: new Faker({ locale: [en_US, en, base] }),
};

/**
 * Faker's dates are drawn back from its reference date, which is the clock unless pinned: a
 * corpus built at another second held other dates, and a date next to a 16-digit number could
 * join into a Luhn-valid card across the boundary at some seconds only (a test that flaked).
 */
const REFERENCE_DATE = new Date('2026-11-01T09:00:00Z');
for (const locale of Object.values(fakerFor)) locale.setDefaultRefDate(REFERENCE_DATE);

/** `CASES_PER_SIDE` positives and negatives per class and split. */
export function heldOutCorpus(): HeldOutCase[] {
  const cases: HeldOutCase[] = [];
  for (const split of ['tuning', 'heldOut'] as const) {
    const f = new Faker({ locale: [en, base] });
    f.setDefaultRefDate(REFERENCE_DATE);
    f.seed(HELD_OUT_SEEDS[split]);
    for (const locale of Object.values(fakerFor)) locale.seed(HELD_OUT_SEEDS[split] + 1);
    for (const heldOutClass of HELD_OUT_CLASSES) {
      for (const positive of [true, false]) {
        const make = positive ? MAKERS[heldOutClass].positive : MAKERS[heldOutClass].negative;
        for (let i = 0; i < CASES_PER_SIDE; i++) cases.push({ class: heldOutClass, split, ...make(f, POOLS[split]) });
      }
    }
  }
  return cases;
}

import { describeName, hasContextWordNear, nameTest } from '../contextWords.ts';
import { LABEL_FAMILY } from '../labelMentions.ts';
import type { DetectionInput, Detector, Finding } from '../Finding.ts';
import { columnOf, namedColumns } from '../namedColumns.ts';

const DETECTOR = 'accountNumber';

// An account label and the few characters people put before the number ("acct#", "acc no.",
// "account number:", "account number is", "account_no", "口座番号：", "口座番号は、", "普通 ", Markdown's
// "**Acct:** `"), then the number: 6 to 17
// digits, the lengths banks issue (UK 8, Japan 7, US 6–17), in one group or a few read out ("6120
// 9934"), not followed by more of a longer number.
// Bounded quantifiers only: linear per start.
const LABELLED =
  /(?:(?:bank |checking |savings |current )?(?:account|acct|acc|a\/c)(?:[ ._]?(?:number|num|nbr|no|#))?|口座番号|口座|普通預金|普通|当座預金|当座|貯蓄預金)(?![a-z])(?:[ \t:#=.："'、*`]|は|が){0,6}(?:is )?([0-9]{2,17}(?: [0-9]{2,8}){0,3})(?![0-9]|[-.][0-9])/gi;

/**
 * A ゆうちょ (Japan Post Bank) account: its 記号, five digits from 1, and its 番号, up to eight,
 * written together ("記号番号 14170-28419361") or on lines of their own ("記号：12140\n番号：38472615").
 * Another card's 記号・番号 (a health insurance card's) does not start with a five-digit 1….
 */
const YUCHO =
  /記号(?:・?番号)?[ \t:：は]{0,4}(1[0-9]{4})(?:[ \t]{0,2}[-ー][ \t]{0,2}|[ \t]{1,2}|[ \t]{0,2}\n?[ \t]{0,2}番号[ \t:：は]{0,4})([0-9]{5,8})(?![0-9])/g;

/** What puts an English account label in a bank's terms: the number beside it is the customer's bank account. */
const BANK_WORDS = [
  'routing',
  'aba',
  'sort',
  'bank',
  'checking',
  'savings',
  'iban',
  'swift',
  'bic',
  'transit',
  'ach',
  'wire',
  'building society',
  '銀行',
  '支店',
  '普通',
  '当座',
  '口座',
] as const;
/** Japanese labels that are a bank's words themselves. */
const JAPANESE_LABEL = /^(?:口座|普通|当座|貯蓄)/;
/** Attribute names of a bank account (`bankAccount`, `checking_acct`, `口座番号`). */
const bankNamed = nameTest(['bank', 'checking', 'savings', '口座', '預金'], ['bankaccount', '口座']);

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** A header field that names an account number (`account_number`, `acctNo`, `口座番号`). */
function namesAccountNumber(field: string): boolean {
  const { words, compact } = describeName(field);
  if (compact.includes('口座番号')) return true;
  const account = words.includes('account') || words.includes('acct') || words.includes('acc');
  return account && (words.includes('number') || words.includes('no') || words.includes('num') || words.includes('nbr'));
}

/** A header field of a bank's (`routing_number`, `sort_code`, `bank`, `支店`): the table is about bank accounts. */
function namesBankField(field: string): boolean {
  const { words, compact } = describeName(field);
  return ['routing', 'aba', 'sort', 'bank', 'iban', 'swift', 'bic', 'branch'].some((w) => words.includes(w)) || /銀行|支店|金融機関/.test(compact);
}

/**
 * Account numbers in a table's column whose header names them, in a table about bank accounts
 * (`account_type,account_number,routing_number` / `savings,000123884719,121000358`): the header is
 * the label, lines away. The whole field is the number (6–17 digits).
 */
function findInAccountColumns(input: DetectionInput, findings: Finding[]): void {
  const { text } = input;
  if (!text.includes('\n')) return;
  const table = namedColumns(text, namesAccountNumber);
  if (table === null || namedColumns(text, namesBankField) === null) return;
  for (const span of input.digitSpans()) {
    const digits = span.end - span.start;
    if (digits < 6 || digits > 17) continue;
    const before = text.charAt(span.start - 1);
    const after = text.charAt(span.end);
    const fieldStart = before === table.separator || before === '\n' || (before === '"' && text.charAt(span.start - 2) === table.separator);
    const fieldEnd = after === '' || after === table.separator || after === '\n' || after === '\r' || after === '"';
    if (!fieldStart || !fieldEnd) continue;
    const column = columnOf(text, table, span.start);
    if (column >= 0 && table.columns[column] === true) findings.push({ kind: 'accountNumber', start: span.start, end: span.end, detector: DETECTOR });
  }
}

/**
 * Bank account numbers under their label, where the text is about a bank account: a routing
 * number, sort code, "bank" or "checking" near it ("routing 021016387 acct 4837201956", "sort
 * code 30-96-34 account 71152208"), a Japanese bank label (`普通 4829173`, `口座番号 3051128`), or
 * an attribute named for one. A customer's account with the company ("Account 88120034 status
 * active") is an id the agent needs: without a bank's words it stays, as attribute names called
 * `accountNumber` do (see the name rules).
 */
export const bankAccountNumberDetector: Detector = {
  name: DETECTOR,
  detect(input) {
    const findings: Finding[] = [];
    const { text } = input;
    // A label must occur before the pattern runs; most values hold none.
    if ((input.labelFamilies() & LABEL_FAMILY.bankAccount) === 0) return findings;
    LABELLED.lastIndex = 0;
    for (const match of text.matchAll(LABELLED)) {
      if (match.index > 0 && isAsciiLetter(text.charCodeAt(match.index - 1))) continue;
      const number = match[1] ?? '';
      const digits = number.replace(/ /g, '').length;
      if (digits < 6 || digits > 17) continue;
      const end = match.index + match[0].length;
      const start = end - number.length;
      const bank = JAPANESE_LABEL.test(match[0]) || bankNamed(input.attributeName) || hasContextWordNear(input, match.index, end, BANK_WORDS);
      if (bank) findings.push({ kind: 'accountNumber', start, end, detector: DETECTOR });
    }
    findInAccountColumns(input, findings);
    YUCHO.lastIndex = 0;
    for (const match of text.matchAll(YUCHO)) {
      // Two findings, so that a 番号 label between them stays as written.
      const symbol = match[1] ?? '';
      const number = match[2] ?? '';
      const symbolStart = match.index + match[0].indexOf(symbol);
      const end = match.index + match[0].length;
      findings.push({ kind: 'accountNumber', start: symbolStart, end: symbolStart + symbol.length, detector: DETECTOR });
      findings.push({ kind: 'accountNumber', start: end - number.length, end, detector: DETECTOR });
    }
    return findings;
  },
};

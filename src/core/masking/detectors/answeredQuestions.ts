import { createDetectionInput } from '../createDetectionInput.ts';
import type { Detector, Finding } from '../Finding.ts';
import { LABEL_FAMILY } from '../labelMentions.ts';
import { normalizeForDetection } from '../normalizeForDetection.ts';
import { bankAccountNumberDetector } from './bankAccountNumber.ts';
import { dateOfBirthDetector } from './dateOfBirth.ts';
import { identityDocumentDetector } from './identityDocument.ts';
import { labelledCardExpiryDetector } from './labelledCardExpiry.ts';
import { sensitiveAuthDetector } from './sensitiveAuth.ts';
import { ssnLastFourDetector } from './ssnLastFour.ts';

/**
 * What a question asks for, and the label it stands for: the answer is read as if written after
 * that label, by the detector that reads such labels.
 */
interface Question {
  asks: RegExp;
  label: string;
  detector: Detector;
  /** The label family (`LABEL_FAMILY`) whose words every match holds: a text without them asks nothing of this. */
  family: number;
}

// Each is a bounded alternation of words; a line is read for every question it asks ("the code on
// the back" is a card's code, "a six digit code" a one-time code).
const QUESTIONS: readonly Question[] = [
  { asks: /expir|exp date|valid thru|有効期限|期限/i, label: 'card expiry: ', detector: labelledCardExpiryDetector, family: LABEL_FAMILY.expiry },
  {
    asks: /security code|cvv|cvc|cid|(?:digits?|code|number) on (?:the )?(?:back|front)|セキュリティコード|裏面|裏の|表面/i,
    label: 'security code: ',
    detector: sensitiveAuthDetector,
    family: LABEL_FAMILY.auth,
  },
  { asks: /\bpin\b|暗証番号/i, label: 'PIN: ', detector: sensitiveAuthDetector, family: LABEL_FAMILY.auth },
  {
    asks: /(?:verification|one[- ]time|digit|sms|text(?:ed)?|confirmation) code|passcode|ワンタイム|認証コード|確認コード|認証番号/i,
    label: 'verification code: ',
    detector: sensitiveAuthDetector,
    family: LABEL_FAMILY.auth,
  },
  { asks: /password|パスワード/i, label: 'password: ', detector: sensitiveAuthDetector, family: LABEL_FAMILY.auth },
  { asks: /date of birth|\bdob\b|birthday|birth date|生年月日|誕生日/i, label: 'DOB: ', detector: dateOfBirthDetector, family: LABEL_FAMILY.birth },
  {
    asks: /口座番号|account (?:number|no)|acct (?:number|no|#)/i,
    label: '口座番号: ',
    detector: bankAccountNumberDetector,
    family: LABEL_FAMILY.bankAccount,
  },
  {
    asks: /last (?:four|4)(?: digits)? of (?:your |the )?(?:social|ssn)|(?:ssn|social) last (?:four|4)|社会保障番号の?下4桁/i,
    label: 'last four of SSN: ',
    detector: ssnLastFourDetector,
    family: LABEL_FAMILY.lastFour,
  },
  { asks: /passport|旅券|パスポート/i, label: 'passport no: ', detector: identityDocumentDetector, family: LABEL_FAMILY.idDocument },
  { asks: /licen[cs]e|免許証/i, label: "driver's license no: ", detector: identityDocumentDetector, family: LABEL_FAMILY.idDocument },
];

/**
 * Each family's question words in one pattern: a text is read only at the lines that hold one, and
 * only for the families its words mention (one large pattern of every question, scanned over the
 * bench's 33 KB text, cost a quarter of the whole engine's time there; small ones skip it natively).
 */
const FAMILY_QUESTIONS: ReadonlyArray<{ family: number; pattern: RegExp }> = [...new Set(QUESTIONS.map((q) => q.family))].map((family) => ({
  family,
  pattern: new RegExp(
    QUESTIONS.filter((q) => q.family === family)
      .map((q) => q.asks.source)
      .join('|'),
    'gi',
  ),
}));

/** A speaker's name before a transcript line ("CUSTOMER:", "[14:21:52] Customer:", "お客様："). */
const SPEAKER =
  /^[ \t]*(?:\[[0-9:. ]{4,12}\][ \t]*)?(?:customer|cust|cx|caller|client|user|agent|rep|お客様|お客さま|顧客|オペレーター|担当者?)[ \t]*[:：][ \t]*/i;
/** What people say before an answer ("yeah", "oh sorry", "it's", "えっと、"). */
const FILLER = /^(?:(?:yeah|yes|yep|ok|okay|oh|sorry|um+|uh+|so|sure|right|it's|its|it is|that's|え[ーっ]と|えー|はい|あ)[ \t,、.。]*){0,4}/i;
/** The longest question line read, from its end, and the longest answer line. */
const QUESTION_TAIL = 160;
const LONGEST_ANSWER = 96;
const ASKING = LABEL_FAMILY.auth | LABEL_FAMILY.birth | LABEL_FAMILY.expiry | LABEL_FAMILY.idDocument | LABEL_FAMILY.bankAccount | LABEL_FAMILY.lastFour;

/** Numbers in a question that are no value: a length ("four digit", "3桁") or a last four ("ending 74"). */
const NO_VALUE = /[0-9]{1,2} ?-?(?:digits?|桁|けた)|ending (?:in )?[0-9]{1,4}|末尾[0-9]{1,4}|下[0-9]桁/gi;

/** True when a question line gives a value itself ("the expiry 12/27 is on file"): then it is a label, read already. */
function hasValueDigits(text: string): boolean {
  return hasDigit(text.replace(NO_VALUE, ''));
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** A label followed by its value on the same line ("password: hunter2 …", "パスワードはabc"): no question. */
const GIVES_VALUE = /^[ \t]*(?:[:=：]|is |は)[ \t]*[^\s?？]/i;

/** The most a question may say after its word ("… on the back please", "をお願いいたします。"): more, and the line went on to something else. */
const QUESTION_END = 48;

/**
 * The questions `line` asks ("カードの有効期限と、裏面のセキュリティコードをお願いします" asks two): the last
 * question word decides the line — near the line's end, and no value after it (then it is a label,
 * read already) — and every question asked on it counts.
 */
function questionsOf(line: string): Question[] {
  const asked: Question[] = [];
  let last = -1;
  let lastEnd = -1;
  for (const question of QUESTIONS) {
    const match = question.asks.exec(line);
    if (match === null) continue;
    asked.push(question);
    if (match.index > last) {
      last = match.index;
      lastEnd = match.index + match[0].length;
    }
  }
  if (asked.length === 0) return asked;
  const after = line.slice(lastEnd);
  return after.length > QUESTION_END || hasValueDigits(after) || GIVES_VALUE.test(after) ? [] : asked;
}

/**
 * The findings in `answer` (a line, offsets from its start) when it answers `question`: the answer
 * without its speaker and fillers is read after the question's label, and what the label's
 * detector finds in the answer is kept.
 */
function answerFindings(question: Question, answer: string, offset: number, findings: Finding[]): void {
  const speaker = SPEAKER.exec(answer)?.[0].length ?? 0;
  const from = speaker + (FILLER.exec(answer.slice(speaker))?.[0].length ?? 0);
  if (!hasDigit(answer.slice(from))) return;
  const input = createDetectionInput(question.label + answer.slice(from), undefined);
  const { normalized } = input;
  const shift = offset + from - question.label.length;
  for (const f of question.detector.detect(input)) {
    // The answer was normalised already; should normalising again change a length, the offsets are mapped back.
    const start = normalized.originalStart(f.start);
    const end = normalized.originalEnd(f.end);
    if (start >= question.label.length) findings.push({ ...f, start: start + shift, end: end + shift });
  }
}

/** Where an answer to two questions parts its values: "07/27 and 318", "0727, 318", "２７年７月と３１８". */
const ANSWER_PARTS = /(?:,|、|\band\b|と)[ \t]*/gi;

/**
 * The answer read for every question a line asks: whole, and each part too, as the answer to "the
 * expiry date and security code" gives both in a row, and one may come after a false start or a
 * length ("にじゅう…じゃなくて、08の28です", "7桁で、5502841です"); each label's detector reads only
 * what follows its label.
 */
function readAnswer(questions: readonly Question[], answer: string, offset: number, findings: Finding[]): void {
  for (const question of questions) answerFindings(question, answer, offset, findings);
  let from = 0;
  ANSWER_PARTS.lastIndex = 0;
  for (let cut = ANSWER_PARTS.exec(answer); ; cut = ANSWER_PARTS.exec(answer)) {
    const to = cut === null ? answer.length : cut.index;
    if (from > 0 && to > from) {
      const parts: Finding[] = [];
      for (const question of questions) answerFindings(question, answer.slice(from, to), offset + from, parts);
      // What the whole answer gave already is not given twice (an incident is raised per finding).
      for (const f of parts) if (!findings.some((g) => g.start === f.start && g.end === f.end && g.detector === f.detector)) findings.push(f);
    }
    if (cut === null) break;
    if (cut[0].length === 0) ANSWER_PARTS.lastIndex++;
    from = cut.index + cut[0].length;
  }
}

/**
 * The answer on the line after a question, as a transcript or a note writes a dialogue ("AGENT:
 * and the expiry date?" / "CUSTOMER: 11 26", "オペレーター：有効期限をお願いします" / "お客様：26年11月です",
 * "AGENT: and your passport number" / "CUSTOMER: 5 4 2 1 9 0 3 7 6"): the question is the answer's
 * label. Only a short line right after the question is read, and only as what was asked.
 */
export const answeredQuestionsDetector: Detector = {
  name: 'answeredQuestions',
  detect(input) {
    const findings: Finding[] = [];
    const { text } = input;
    const families = input.labelFamilies();
    if ((families & ASKING) === 0 || text.indexOf('\n') < 0) return findings;
    // Only the lines that hold a question's word are read, each once: most lines of a long text hold none.
    const lineEnds = new Set<number>();
    for (const { family, pattern } of FAMILY_QUESTIONS) {
      if ((families & family) === 0) continue;
      pattern.lastIndex = 0;
      for (let hit = pattern.exec(text); hit !== null; hit = pattern.exec(text)) {
        const newline = text.indexOf('\n', hit.index);
        if (newline < 0) break;
        lineEnds.add(newline);
        pattern.lastIndex = newline;
      }
    }
    for (const newline of [...lineEnds].sort((a, b) => a - b)) {
      const lineStart = text.lastIndexOf('\n', newline - 1) + 1;
      const questions = questionsOf(text.slice(Math.max(lineStart, newline - QUESTION_TAIL), newline));
      const next = text.indexOf('\n', newline + 1);
      const answerEnd = next < 0 ? text.length : next;
      if (questions.length === 0 || answerEnd - newline - 1 > LONGEST_ANSWER) continue;
      readAnswer(questions, text.slice(newline + 1, answerEnd), newline + 1, findings);
    }
    return findings;
  },
};

/**
 * The same across neighbouring texts, as a chat runs: the agent's message asks ("and the expiry
 * date?"), the next message is the answer ("11 26"). `scanned[i]` is the findings of text `i` so far
 * (null for a text that takes no part); the result holds, per text, the answers found in it, none
 * overlapping its own findings, in the text's own offsets.
 */
export function answersAcrossTexts(texts: readonly string[], scanned: ReadonlyArray<Finding[] | null>): Map<number, Finding[]> {
  const found = new Map<number, Finding[]>();
  for (let i = 0; i + 1 < texts.length; i++) {
    const asking = texts[i] ?? '';
    const answer = texts[i + 1] ?? '';
    const theirs = scanned[i + 1];
    if (scanned[i] === null || theirs === null || theirs === undefined || answer.length > LONGEST_ANSWER) continue;
    const lastLine = asking.slice(Math.max(asking.lastIndexOf('\n') + 1, asking.length - QUESTION_TAIL));
    const questions = questionsOf(normalizeForDetection(lastLine).text);
    if (questions.length === 0) continue;
    const normalized = normalizeForDetection(answer);
    const read: Finding[] = [];
    readAnswer(questions, normalized.text, 0, read);
    const kept: Finding[] = [];
    for (const f of read) {
      const from = normalized.originalStart(f.start);
      const to = normalized.originalEnd(f.end);
      if (!theirs.some((t) => t.start < to && t.end > from)) kept.push({ ...f, start: from, end: to });
    }
    if (kept.length > 0) found.set(i + 1, kept);
  }
  return found;
}

import type { Replacement } from './textRewrite.ts';

/**
 * Numbers read out in words, as a voice transcript or a bot's slot writes them ("four three seven
 * five", "oh nine twenty seven", "double four seven", 三〇八二, "さん、なな、いち"), rewritten as the digits
 * the detectors read ("4375", "0927", "447", 3082, "371"), with a map back to the words.
 *
 * Only a run that comes to three digits or more is rewritten: "one of them", "two or three times",
 * 七五 stay as they are, and no detector claims fewer digits. Positional numbers ("two hundred",
 * 二千二十四年) are amounts and dates, not digit strings, and are left alone.
 */

const UNITS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const TEENS: Readonly<Record<string, string>> = {
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
};
const TENS: Readonly<Record<string, string>> = {
  twenty: '2',
  thirty: '3',
  forty: '4',
  fifty: '5',
  sixty: '6',
  seventy: '7',
  eighty: '8',
  ninety: '9',
};
const REPEATS: Readonly<Record<string, number>> = { double: 2, triple: 3 };
const JOINERS = new Set(['dash', 'hyphen']);

const WORD = new RegExp(
  `\\b(?:${[...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), ...Object.keys(REPEATS), ...JOINERS].join('|')})\\b`,
  'gi',
);
/** Two number words in a row: the one test most texts (no such pair) pay. */
const ENGLISH_GATE = new RegExp(`${WORD.source}[ ,-]{1,2}${WORD.source}`, 'i');

/** What may stand between two words of one number: a space or a hyphen (read together), a comma (a group's end). */
const JOINED = /^(?: |-| - )$/;
// A filler said in the pause ("eight four, uh, two nine") is part of it.
const GROUPED = /^(?:, ?|,? (?:uh|um|er|erm),? |\.\.\. ?)$/i;
const FILLER = /[a-z]|\.\.\./i;

interface Token {
  start: number;
  end: number;
  word: string;
}

/** One English run as output pieces (digits for words, commas between groups as written), or null when it is no number. */
function readEnglishRun(run: readonly Token[], gaps: readonly string[]): Replacement | null {
  const pieces: Replacement['pieces'] = [];
  let count = 0;
  for (let i = 0; i < run.length; i++) {
    const token = run[i];
    if (token === undefined) continue;
    const word = token.word;
    const next = run[i + 1];
    const nextUnit = next === undefined ? undefined : UNITS[next.word];
    let digits: string;
    let end = token.end;
    if (UNITS[word] !== undefined) digits = UNITS[word];
    else if (TEENS[word] !== undefined) digits = TEENS[word];
    else if (TENS[word] !== undefined) {
      // "twenty seven", "twenty-seven": one two-digit number; "twenty" alone ends in 0.
      if (next !== undefined && nextUnit !== undefined && next.word !== 'oh' && nextUnit !== '0' && JOINED.test(gaps[i] ?? '')) {
        digits = `${TENS[word]}${nextUnit}`;
        end = next.end;
        i++;
      } else digits = `${TENS[word]}0`;
    } else if (REPEATS[word] !== undefined) {
      if (next === undefined || nextUnit === undefined) return null;
      digits = nextUnit.repeat(REPEATS[word]);
      end = next.end;
      i++;
    } else {
      // A dash said between digits; at a run's edge it is the word.
      if (i === 0 || i === run.length - 1) return null;
      pieces.push({ text: '-', start: token.start, end: token.end });
      continue;
    }
    pieces.push({ text: digits, start: token.start, end });
    count += digits.length;
    const gap = gaps[i] ?? '';
    const following = run[i + 1];
    // The pause between groups reads as the space between them, which every detector's groups allow;
    // a filler ("eight four, uh, two nine") is a hesitation inside a group, read as nothing.
    if (following !== undefined && GROUPED.test(gap))
      pieces.push({ text: FILLER.test(gap) ? '' : ' ', start: following.start - gap.length, end: following.start });
  }
  // "oh" alone is an interjection ("oh okay", "oh, oh").
  if (run.every((t) => t.word === 'oh')) return null;
  const first = run[0];
  const last = run[run.length - 1];
  if (count < 3 || first === undefined || last === undefined) return null;
  return { start: first.start, end: last.end, pieces };
}

const KANJI_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
/** A run of kanji digits, its groups joined by 、 or の, not part of a positional number (二千二十四). */
const KANJI_RUN =
  /(?<![十百千万億兆〇零一二三四五六七八九])[〇零一二三四五六七八九]+(?:[、のー-][〇零一二三四五六七八九]+)*(?![十百千万億兆〇零一二三四五六七八九])/g;

const KANA_DIGITS: Readonly<Record<string, string>> = {
  ぜろ: '0',
  ゼロ: '0',
  れい: '0',
  まる: '0',
  いち: '1',
  イチ: '1',
  に: '2',
  にー: '2',
  ニ: '2',
  さん: '3',
  サン: '3',
  よん: '4',
  ヨン: '4',
  ご: '5',
  ごー: '5',
  ゴ: '5',
  ろく: '6',
  ロク: '6',
  なな: '7',
  ナナ: '7',
  しち: '7',
  はち: '8',
  ハチ: '8',
  きゅう: '9',
  キュウ: '9',
  // Digits said one by one and written as digits: "５、８、２、０" (after folding).
  ...Object.fromEntries([...'0123456789'].map((d) => [d, d])),
};
const KANA_WORD = [...Object.keys(KANA_DIGITS)].sort((a, b) => b.length - a.length).join('|');
/**
 * Three or more single digits said one by one, between ideographic commas or middle dots, bounded by
 * punctuation, a space or a particle, so that a reading inside a word (さんま, ごはん) is no digit.
 */
const KANA_RUN = new RegExp(
  `(?<=^|[、。,.・\\s「『（(：:…はがをもで])(?:${KANA_WORD})(?:[、・](?:${KANA_WORD})){2,}(?=$|[、。,.・\\s」』）)!?！？…]|です|でした|で|と|ね|よ|ま)`,
  'gu',
);
/** Two kanji digits, kanji groups joined, or a reading (or a digit) before 、 or ・: what any Japanese run starts with. */
const JAPANESE_GATE = new RegExp(`[〇零一二三四五六七八九]{2}|[〇零一二三四五六七八九][、のー-][〇零一二三四五六七八九]|(?:${KANA_WORD})[、・]`);

function englishReplacements(text: string, into: Replacement[]): void {
  if (!ENGLISH_GATE.test(text)) return;
  WORD.lastIndex = 0;
  let run: Token[] = [];
  let gaps: string[] = [];
  const flush = (): void => {
    if (run.length > 0) {
      const read = readEnglishRun(run, gaps);
      if (read !== null) into.push(read);
    }
    run = [];
    gaps = [];
  };
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const token = { start: match.index, end: match.index + match[0].length, word: match[0].toLowerCase() };
    const last = run[run.length - 1];
    if (last !== undefined) {
      const gap = text.slice(last.end, token.start);
      if (JOINED.test(gap) || GROUPED.test(gap)) gaps.push(gap);
      else flush();
    }
    run.push(token);
  }
  flush();
}

/** What every Japanese reading needs (a kanji digit, or the comma or dot between digits said one by one): one native class scan. */
const JAPANESE_MARK = /[、・〇零一二三四五六七八九]/;

function japaneseReplacements(text: string, into: Replacement[]): void {
  if (!JAPANESE_MARK.test(text) || !JAPANESE_GATE.test(text)) return;
  KANJI_RUN.lastIndex = 0;
  for (let match = KANJI_RUN.exec(text); match !== null; match = KANJI_RUN.exec(text)) {
    const run = match[0];
    let digits = 0;
    for (const char of run) if (KANJI_DIGITS[char] !== undefined) digits++;
    if (digits < 3) continue;
    const pieces: Replacement['pieces'] = [];
    for (let k = 0; k < run.length; k++) {
      const char = run.charAt(k);
      const at = match.index + k;
      pieces.push({ text: KANJI_DIGITS[char] ?? (char === 'の' || char === 'ー' ? '-' : char), start: at, end: at + 1 });
    }
    into.push({ start: match.index, end: match.index + run.length, pieces });
  }
  KANA_RUN.lastIndex = 0;
  for (let match = KANA_RUN.exec(text); match !== null; match = KANA_RUN.exec(text)) {
    const start = match.index;
    if (into.some((r) => r.start < start + match[0].length && r.end > start)) continue;
    const pieces: Replacement['pieces'] = [];
    let at = start;
    for (const word of match[0].split(/[、・]/)) {
      pieces.push({ text: KANA_DIGITS[word] ?? word, start: at, end: at + word.length });
      at += word.length + 1;
    }
    into.push({ start, end: start + match[0].length, pieces });
  }
}

/** Where `text` says numbers in words, as replacements by their digits (`applyReplacements`). */
export function spokenDigitReplacements(text: string, into: Replacement[]): void {
  englishReplacements(text, into);
  japaneseReplacements(text, into);
}

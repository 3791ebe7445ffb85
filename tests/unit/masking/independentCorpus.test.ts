import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

interface Corpus {
  file: string;
  size: number;
  /** The sensitive values the engine still shows, each for a reason given. */
  stillShown: string[];
  /** Harmless texts the engine still alters, each for a reason given. */
  stillAltered?: string[];
}

interface Item {
  text: string;
  sensitive: string[];
  lang: 'en' | 'ja';
  note: string;
}

/**
 * 271 contact-centre strings (136 Japanese, 135 English; 107 with nothing sensitive) written on
 * 2026-12-03 by a helper that had not seen the engine, its tests or its corpus, with checksums
 * verified (Luhn, My Number check digit, mod-97, SSA rules). On first contact the engine caught 198
 * of 223 sensitive values (0.888; a 24-character "German IBAN" the helper marked is no IBAN and is
 * relabelled) and altered no harmless text; the misses were fixed where they were the engine's, and
 * what is still shown is listed here, so that a regression and a fix both show. Read with the
 * smallest valid policy (no country; an en-US browser).
 */
const FIRST: Corpus = {
  file: './independentCorpus.json',
  size: 271,
  stillShown: [
    // Ofcom's drama range (07700 900xxx) is no allocated mobile number; national numbers must be valid.
    '07700 900461',
    '07700-900-555',
    // A misspelt label ("secruity code").
    '518',
    // Informal kana, no form label ("きげん").
    '0926',
    // A birth date split into a year and a day of its own.
    '昭和38年',
    '3月3日',
  ],
};

/**
 * 300 more (150 Japanese, 150 English; 120 with nothing sensitive), written on 2026-12-06 by
 * another helper under the same rules, with the kinds the first lacked: bank account numbers,
 * passport and licence numbers, codes read out digit by digit, cards in two halves, half-width
 * kana. On first contact the engine caught 201 of 247 sensitive values (0.814) and altered no
 * harmless text; 237 of 247 after the fixes it led to, none altered; 242 once numbers in words were read, 243 once addresses said in words were, 244 once 裏の3桁 named a card's code, 245 once who sent a code could stand between its word and it (2026-12-07).
 */
const SECOND: Corpus = {
  file: './independentCorpus2.json',
  size: 300,
  stillShown: [
    // An interjection ("あ、") between the card's sentence and its expiry ends the card form.
    '11/25',
    // An expiry alone, no card in the text: not card data (PCI DSS), shown.
    '２０２８年３月',
  ],
};

/**
 * 260 more (130 Japanese, 130 English; 104 with nothing sensitive), written on 2026-12-06 by a third
 * helper that saw neither the engine nor the first two corpora, asked for transcripts, CRM attribute
 * maps, CSV rows, e-mail signatures and Japanese as spoken (の between digits, 年の). On first contact
 * the engine caught 208 of 247 sensitive values (0.842) and altered 3 of 104 harmless texts (a
 * Yamato number read as a My Number, two serial numbers as phone numbers); 240 of 247 and none
 * altered after the fixes it led to and the fifth corpus's (a ゆうちょ account's 記号 and 番号, a bank
 * table's account column); 241 after the sixth's ("the code you texted me is").
 */
const THIRD: Corpus = {
  file: './independentCorpus3.json',
  size: 260,
  stillShown: [
    // A password after its word with no separator ("password Seoul#0419x"): read so, the faker
    // corpus's harmless texts lost precision (0.976 → 0.960), so it is not.
    'Seoul#0419x',
    'Sakura#2025',
    // Words between the label and the value that no label reads ("pw given by cx:").
    'kc8#Lm29qz',
    // "license number" alone also names software licences: only a driving licence's label counts.
    '493 827 115',
    // A filler ("えー、") between 口座番号 and the number.
    '５０９２８３１',
    // A phone number broken over a line break.
    '０９２－\n７３１－５５２０',
  ],
};

/**
 * 240 more (120 Japanese, 120 English; 96 with nothing sensitive), written on 2026-12-06 by a fourth
 * helper, asked for what systems hold that a test author would not think of first (IVR DTMF logs,
 * URLs, quoted e-mail, JSON chat exports, time-stamped transcripts). Read first as held out, before
 * any fix it led to: 193 of 214 sensitive values hidden (0.902) and 1 of 96 harmless texts altered
 * (a log's `InitialContactId=<UUID>` read as ciphertext); 205 of 214 and none after; 209 after the fifth corpus's fixes (flow-block input, ゆうちょ); 210 once a percent-encoded "+" was read, 212 once a number over two turns was.
 */
const FOURTH: Corpus = {
  file: './independentCorpus4.json',
  size: 240,
  stillShown: [
    // Words between the label and the password ("temp pw over phone:", "password she thinks she set is").
    'Harbour#7731',
    'Sunflower22!',
  ],
};

/**
 * 240 more (120 Japanese, 120 English; 96 with nothing sensitive), written on 2026-12-07 by a fifth
 * helper asked for the forms a naive detector would miss: numbers read out in words (English, kanji,
 * kana), bot slot JSON, flow logs, national numbers of other countries. Read first as held out, before
 * any fix it led to: 145 of 192 sensitive values hidden (0.755) and 7 of 96 harmless texts altered
 * (an RMA, a reception ticket and a firmware build read as phone numbers, a bank's 金融機関コード as
 * a code, an e-ticket, a routing number); 176 of 192 and 2 altered after; 178 once addresses said in words were read, 183 once
 * 裏面の３桁, a residence card's の番号, "DL – CA", a Personalausweis and a health insurance card's 記号・番号 were, 184 once
 * an answer to two questions was read in its parts, 185 once a value said again was.
 */
const FIFTH: Corpus = {
  file: './independentCorpus5.json',
  size: 240,
  stillShown: [
    // The PIN's word in the agent's statement on the line before, not a question.
    'two eight eight one',
    // A password spelt out ("capital B, blue, …").
    'capital B, blue, one nine eight eight, exclamation mark',
    // Birth dates with ordinal words, or a filler inside (昭和の、４７年、…).
    'fourth of July nineteen eighty-two',
    '昭和の、４７年、２月２８日',
    // A code after "DTMF received:" with the label a sentence back; in an e-mail whose subject names it.
    '6 0 3 9 1 7',
    '731 904',
    // "Card on file expires 12/25": an expiry with no card number is no card data (PCI DSS), as the lone expiry rule says.
    '12/25',
  ],
  stillAltered: [
    // An e-ticket number's 10-digit tail after a 3-digit airline code reads as a US phone number.
    'Flight BA 0117 LHR→JFK 14 JUN, seat 32K, e-ticket 125 2188339041.',
    // Routing numbers are masked under their label by design (abaRouting, switchable); the helper counts them public.
    'For wires: ABA routing 026009593, SWIFT BOFAUS3N. For UK payments use sort code 40-47-84.',
  ],
};

/**
 * 240 more (120 Japanese, 120 English; 96 with nothing sensitive), written on 2026-12-07 by a sixth
 * helper asked for Amazon Connect and CRM data shapes (attribute JSON, Contact Lens turns, Markdown
 * chat, profiles) and the harmless numbers that fill a contact centre (tracking numbers, 法人番号,
 * amounts, dates, device ids). Read first as held out, before any fix it led to: 174 of 216
 * sensitive values hidden (0.806) and 2 of 96 harmless texts altered (a password's rule, "パスワード
 * は8文字以上", read as a password; a routing number).
 */
const SIXTH: Corpus = {
  file: './independentCorpus6.json',
  size: 240,
  stillShown: [
    // A date repeated back in another format (4/12/1980 after April 12th, 1980).
    '4/12/1980',
    // A PIN, a code and an OTP after words no label reads; a password after "pw" with no separator, one with no label.
    '1947',
    '618402',
    '612',
    '094',
    'Hx9!maple77',
    'Bluebird!2019',
    // A phone number broken over a line break.
    '090-4920\n-8555',
  ],
  stillAltered: [
    // Routing numbers are masked under their label by design (abaRouting, switchable); the helper was told to count them public.
    'For wires use routing 026009593; our office sort code is 40-11-62. We never ask for your account number by chat.',
  ],
};

describe.each([
  ['first', FIRST],
  ['second', SECOND],
  ['third', THIRD],
  ['fourth', FOURTH],
  ['fifth', FIFTH],
  ['sixth', SIXTH],
])('the %s independent corpus', (_name, corpus) => {
  const items = JSON.parse(readFileSync(new URL(corpus.file, import.meta.url), 'utf8')) as Item[];
  const engine = createMaskingEngine(undefined, { locale: 'en-US' });
  const letterOrDigit = /[\p{L}\p{N}]/u;

  it('hides every sensitive value but the listed ones, and alters no harmless text', () => {
    const missed: string[] = [];
    const altered: string[] = [];
    for (const item of items) {
      const { display, findings } = engine.maskText(item.text);
      if (item.sensitive.length === 0 && display !== item.text) altered.push(item.text);
      for (const value of item.sensitive) {
        const at = item.text.indexOf(value);
        for (let i = at; i < at + value.length; i++) {
          if (letterOrDigit.test(item.text.charAt(i)) && !findings.some((f) => f.start <= i && f.end > i)) {
            missed.push(value);
            break;
          }
        }
      }
    }
    expect(items.length).toBe(corpus.size);
    expect(missed.sort()).toEqual([...corpus.stillShown].sort());
    expect(altered).toEqual(corpus.stillAltered ?? []);
  });
});

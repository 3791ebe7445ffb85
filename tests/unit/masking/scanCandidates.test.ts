import { describe, expect, it } from 'vitest';
import { scanCandidates, type ValueCandidates } from '../../../src/core/masking/scanCandidates.ts';

/** What the candidate pass must return, said by regular expressions (the scanner reads it in one loop instead). */
function reference(text: string): ValueCandidates {
  const spans = (pattern: RegExp): Array<{ start: number; end: number }> =>
    [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  return {
    digitSpans: spans(/[0-9]+/g),
    base64Runs: spans(/[0-9A-Za-z+/=_-]{20,}/g),
    hasCapital: /[A-Z]/.test(text),
  };
}

/** A small deterministic generator (xorshift), so a failure names a reproducible text. */
function randomTexts(count: number, seed: number): string[] {
  let state = seed;
  const next = (bound: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % bound;
  };
  // Digits, capitals, lower case, the base64 marks, separators, and non-ASCII that must break runs
  // (a full-width digit and capital, an accented letter, a Japanese character, a surrogate pair half).
  const alphabet = [
    '0',
    '5',
    '9',
    'A',
    'Z',
    'a',
    'z',
    '+',
    '/',
    '=',
    '_',
    '-',
    ' ',
    '.',
    ':',
    '@',
    '\n',
    '\u00e9',
    '\uff11',
    '\uff21',
    'あ',
    '\ud83d',
    '\u007f',
  ];
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    let text = '';
    const length = next(48);
    while (text.length < length) {
      // Sometimes a long run of one class, so runs of exactly 19, 20 and 21 characters come up.
      const pick = alphabet[next(alphabet.length)] ?? ' ';
      text += next(8) === 0 ? pick.repeat(next(24)) : pick;
    }
    texts.push(text);
  }
  return texts;
}

describe('scanCandidates', () => {
  it('returns what the regular expressions say on random texts', () => {
    for (const text of randomTexts(5000, 20261202)) expect(scanCandidates(text), JSON.stringify(text)).toEqual(reference(text));
  });

  it('cuts base64 runs at exactly 20 characters, digits included, at either end of the text', () => {
    const nineteen = 'aB3'.repeat(6) + 'x';
    const twenty = nineteen + '9';
    for (const text of [
      '',
      '7',
      'A',
      nineteen,
      twenty,
      `${twenty} ${nineteen}`,
      `-${nineteen}é`,
      `12${twenty}34`,
      `${'1'.repeat(20)}`,
      `é${'1'.repeat(19)}é`,
    ]) {
      expect(scanCandidates(text), JSON.stringify(text)).toEqual(reference(text));
    }
    expect(scanCandidates(twenty).base64Runs).toEqual([{ start: 0, end: 20 }]);
    expect(scanCandidates(nineteen).base64Runs).toEqual([]);
  });
});

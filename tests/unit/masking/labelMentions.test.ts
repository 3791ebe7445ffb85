import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/corpus/seededRandom.ts';
import { mentionMatcher } from '../../../src/core/masking/contextWords.ts';
import { LABEL_FAMILY, LABEL_WORDS, labelFamiliesIn } from '../../../src/core/masking/labelMentions.ts';

/** What six separate word tests said, one per family: the one pass must say the same. */
function familiesOneByOne(text: string): number {
  let bits = 0;
  for (const [family, words] of Object.entries(LABEL_WORDS)) if (mentionMatcher(words)(text)) bits |= LABEL_FAMILY[family as keyof typeof LABEL_FAMILY];
  return bits;
}

describe('label mentions in one pass', () => {
  it('names the families whose words occur, in any ASCII case', () => {
    expect(labelFamiliesIn('nothing here 1234')).toBe(0);
    expect(labelFamiliesIn('CVV 123')).toBe(LABEL_FAMILY.auth);
    expect(labelFamiliesIn('DoB 1990-01-02, Passport 548120937, acct 123')).toBe(LABEL_FAMILY.birth | LABEL_FAMILY.idDocument | LABEL_FAMILY.bankAccount);
    expect(labelFamiliesIn('有効期限 12/27 セキュリティコード 123 残り')).toBe(LABEL_FAMILY.expiry | LABEL_FAMILY.auth | LABEL_FAMILY.rest);
    // A word inside another family's word counts for both ("passcode" holds "pass…code").
    expect(labelFamiliesIn('passcode') & LABEL_FAMILY.auth).toBe(LABEL_FAMILY.auth);
  });

  it('has no word that begins another family’s word (at one place, the first alternative would hide the other)', () => {
    const entries = Object.entries(LABEL_WORDS);
    const clashes: string[] = [];
    for (const [family, words] of entries)
      for (const [other, others] of entries)
        if (family !== other) for (const w of words) for (const o of others) if (o.startsWith(w)) clashes.push(`${family}:${w} / ${other}:${o}`);
    expect(clashes).toEqual([]);
  });

  it('agrees with one test per family on the independent corpora and 5 000 seeded texts', () => {
    const texts: string[] = [];
    for (const file of ['./independentCorpus.json', './independentCorpus2.json']) {
      for (const item of JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Array<{ text: string }>) texts.push(item.text);
    }
    const random = seededRandom(20261206);
    const words = Object.values(LABEL_WORDS).flat();
    const fillers = [' ', 'a', 'x', '1', '-', '。', 'の', 'ｶ', 'E', '\n'];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const parts = random.int(6);
      for (let p = 0; p < parts; p++) {
        const word = random.pick(words);
        // Some words cut or upper-cased, so near misses are read too.
        text += random.int(3) === 0 ? word.slice(0, Math.max(1, word.length - 1)) : random.int(2) === 0 ? word.toUpperCase() : word;
        for (let f = random.int(3); f > 0; f--) text += random.pick(fillers);
      }
      texts.push(text);
    }
    const disagreements = texts.filter((text) => labelFamiliesIn(text) !== familiesOneByOne(text));
    expect(disagreements).toEqual([]);
  });
});

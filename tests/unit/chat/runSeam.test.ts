import { describe, expect, it } from 'vitest';
import { growMasking, maskingOf } from '../../../src/core/chat/growMasking.ts';
import { createMessageRuns, MAX_RUN, RUN_OVERLAP } from '../../../src/core/chat/messageRuns.ts';
import type { TextMasker } from '../../../src/core/chat/TextMasker.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { HIDDEN_PLACEHOLDER } from '../../../src/core/masking/displayFormat.ts';

const english = createMaskingEngine(undefined, { defaultCountry: 'US' });
const japanese = createMaskingEngine(undefined, { defaultCountry: 'JP' });

/** What the agent's thread shows after each customer message, revisions applied. */
function thread(texts: readonly string[], masker: TextMasker): string[] {
  const runs = createMessageRuns();
  const shown: string[] = [];
  texts.forEach((text, index) => {
    const { content, revisions } = runs.add(
      { Id: String(index), Type: 'MESSAGE', ContentType: 'text/plain', Content: text, ParticipantRole: 'CUSTOMER' },
      masker,
    );
    shown[index] = content ?? masker.maskText(text).display;
    for (const revision of revisions) shown[Number(revision.item.Id)] = revision.content;
  });
  return shown;
}

/** Digits the agent can read, in thread order: no run of them may rebuild a card number. */
const visibleDigits = (shown: readonly string[]): string => shown.join(' ').replace(/[^0-9０-９]/g, '');

/**
 * A customer who writes many short messages in a row crosses the run's seam (`MAX_RUN` messages,
 * the next run carrying the last `RUN_OVERLAP`): here a second card starts in a message that was
 * already masked together with the one before it (the first card), and ends after the seam.
 */
describe('a card split across the seam of a long run', () => {
  it('runs 8 messages and carries 3 (the scenarios below are written across that seam)', () => {
    expect([MAX_RUN, RUN_OVERLAP]).toEqual([8, 3]);
  });

  it('hides both parts in English', () => {
    const texts = ['hi', 'i need help', 'with my order', 'and billing', 'so', 'card 4111 1111', '1111 1111 and the other one 5555 5555', '5555', '4444'];
    const shown = thread(texts, english);
    expect(shown[6]).toBe('•••• 1111 and the other one ••••••••');
    expect(visibleDigits(shown)).not.toContain('5555');
    expect(shown.slice(0, 5)).toEqual(texts.slice(0, 5));
  });

  it('hides both parts in Japanese, with ASCII and full-width digits', () => {
    const ascii = ['こんにちは', 'カードの件で', '相談です', 'よろしく', 'はい', 'カード番号は4111 1111', '1111 1111、もう一枚は4012 8888', '8888', '1881です'];
    const wide = [
      'こんにちは',
      'カードの件で',
      '相談です',
      'よろしく',
      'はい',
      'カード番号は４１１１　１１１１',
      '１１１１　１１１１、もう一枚は４０１２　８８８８',
      '８８８８',
      '１８８１です',
    ];
    for (const texts of [ascii, wide]) {
      const shown = thread(texts, japanese);
      expect(shown[6]).toMatch(/もう一枚は••••••••$/);
      expect(visibleDigits(shown)).not.toMatch(/4012|４０１２|8888|８８８８/);
    }
  });

  it('keeps hidden what the previous run found when the next one no longer can (the partner stayed behind)', () => {
    // Message 5 held the end of the first card (its start, message 4, is not carried over) and the
    // start of the second; after the seam only the second can be found in it.
    const texts = ['hi', 'i need help', 'with my order', 'so', 'card 4111 1111', '1111 1111 and the other one 5555 5555', '55', '55', '4444'];
    const shown = thread(texts, english);
    expect(shown[5]).toBe('•••••••• and the other one ••••••••');
    expect(visibleDigits(shown)).not.toMatch(/1111|5555/);
  });
});

describe('growMasking', () => {
  const text = 'a 4111 b 5555 c';
  const first = maskingOf(text, 'a •••• 1111 b 5555 c', [{ kind: 'pan', detector: 'pan', start: 2, end: 6 }]);
  const second = maskingOf(text, 'a 4111 b •••••••• c', [{ kind: 'pan', detector: 'pan', start: 9, end: 13 }]);

  it('joins two readings that each hide what the other shows', () => {
    expect(growMasking(text, first, second).display).toBe('a •••••••• b •••••••• c');
  });

  it('keeps the reading that already hides everything', () => {
    const both = maskingOf(text, 'a •••••••• b •••••••• c', [
      { kind: 'pan', detector: 'pan', start: 2, end: 6 },
      { kind: 'pan', detector: 'pan', start: 9, end: 13 },
    ]);
    expect(growMasking(text, first, both)).toBe(both);
    expect(growMasking(text, both, first)).toBe(both);
  });

  it('never shows less than a text that failed closed', () => {
    const hidden = maskingOf(text, HIDDEN_PLACEHOLDER, []);
    expect(growMasking(text, hidden, second).display).toBe(HIDDEN_PLACEHOLDER);
    expect(growMasking(text, first, hidden).display).toBe(HIDDEN_PLACEHOLDER);
  });
});

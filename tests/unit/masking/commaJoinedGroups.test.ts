import { describe, expect, it } from 'vitest';
import { groupCardNumber, luhnInvalidCardNumber, myNumberCheckDigit, validCardNumber, validMyNumber } from '../../../bench/corpus/sensitiveValues.ts';
import { seededRandom } from '../../../bench/corpus/seededRandom.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

/**
 * Card numbers and My Numbers whose groups are joined by commas, as a customer types them on a
 * phone keypad or in a Japanese sentence (`4111,1111,1111,1111`, `1234、5678、9018`), while the
 * amounts and lists commas also write (`¥1,234,567`, `rooms 1204,1305,1406`) stay readable.
 */
describe('digit groups joined by commas', () => {
  const engine = createMaskingEngine(undefined);
  const shown = (text: string): string => engine.maskText(text).display;
  const COMMAS = [',', '、', '，'] as const;

  it.each([
    ['4111,1111,1111,1111', '•••• 1111'],
    ['card 4111,1111,1111,1111 please', 'card •••• 1111 please'],
    ['カード番号は4111、1111、1111、1111です', 'カード番号は•••• 1111です'],
    ['４１１１，１１１１，１１１１，１１１１', '•••• 1111'],
    ['3782,822463,10005', '•••• 0005'],
    ['4111,1111,1111,1111,12/27,123', '•••• 1111,••••••••,••••••••'],
    ['マイナンバーは1234、5678、9018です', 'マイナンバーは[My Number]です'],
    ['my number: 1234,5678,9018', 'my number: [My Number]'],
    // Held out from the first version, then handled: a space after the comma, a card after another
    // field of a CSV line, the expiry and code after it joined by spaces.
    ['4111, 1111, 1111, 1111', '•••• 1111'],
    ['マイナンバー 1234, 5678, 9018', 'マイナンバー [My Number]'],
    ['v=1.2,4111,1111,1111,1111', 'v=1.2,•••• 1111'],
    ['1,4111,1111,1111,1111,12,27', '1,•••• 1111,12,27'],
    ['5555,5555,5555,4444 12/27 123', '•••• 4444 •••••••• ••••••••'],
    ['4111,1111,1111,1111, 5555,5555,5555,4444', '•••• 1111, •••• 4444'],
  ])('hides %s', (text, display) => {
    expect(shown(text)).toBe(display);
  });

  it.each([
    // Thousands separators: groups of three are never joined by a comma.
    'total ¥1,234,567,890,123,456',
    '$4,111,111,111,111,111',
    // A list of numbers is not a My Number without its word (one list in eleven passes the check digit).
    'rooms 1234,5678,9018',
    'rooms 1234, 5678, 9018',
    'points 12, 345, 678',
    'orders 1204,1305 and 1406',
    // The card's grouping continues past sixteen digits: a list, not one card.
    '4111,1111,1111,1111,5555,5555,5555,4444',
    // A comma before a shorter group ends the number: "12,27" is not a card's tail.
    'qty 4111,12,27',
  ])('leaves %s as it is', (text) => {
    expect(shown(text)).toBe(text);
  });

  it('finds every seeded card joined by any comma, and no Luhn-failing one', () => {
    const random = seededRandom(20261203);
    const missed: string[] = [];
    const wrong: string[] = [];
    for (let i = 0; i < 600; i++) {
      const comma = random.pick(COMMAS);
      const card = groupCardNumber(validCardNumber(random), comma);
      const lead = random.pick(['', 'card ', 'カード番号は', 'my card is ', 'pls charge ']);
      const display = shown(`${lead}${card}`);
      if (/\d{4}[,、，]\d{4}/.test(display) || display.includes(card)) missed.push(card);
      // Nineteen digits that fail Luhn may still be a valid sixteen and its code (4-4-4-4,123), as with spaces.
      const invalidDigits = luhnInvalidCardNumber(random);
      if (invalidDigits.length === 19) continue;
      const invalid = groupCardNumber(invalidDigits, comma);
      if (shown(`${lead}${invalid}`) !== `${lead}${invalid}`) wrong.push(invalid);
    }
    expect(missed).toEqual([]);
    expect(wrong).toEqual([]);
  });

  it('finds a comma-joined My Number beside its word and leaves the same digits alone without it', () => {
    const random = seededRandom(20261204);
    for (let i = 0; i < 300; i++) {
      const digits = validMyNumber(random);
      const comma = random.pick(COMMAS);
      const written = [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8)].join(comma);
      expect(shown(`マイナンバー ${written}`)).toBe('マイナンバー [My Number]');
      expect(shown(`rooms ${written}`)).toBe(`rooms ${written}`);
    }
    // And the check digit still decides under the word.
    const body = '12345678901';
    const wrongDigit = String((Number(myNumberCheckDigit(body)) + 1) % 10);
    expect(shown(`マイナンバー 1234,5678,901${wrongDigit}`)).toBe(`マイナンバー 1234,5678,901${wrongDigit}`);
  });
});

import { describe, expect, it } from 'vitest';
import { MAY_LOWER_OTHERWISE, lowerAscii } from '../../../src/core/masking/normalizeForDetection.ts';

/** What `lowerAscii` must give: each ASCII capital lower-cased, every other character as it is. */
function referenceLowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

describe('lowerAscii', () => {
  it('the fast-path class holds every character other than A–Z that toLowerCase changes', () => {
    const changes = /^\p{Changes_When_Lowercased}$/u;
    const missed: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      const changed = changes.test(char) || char.toLowerCase() !== char;
      if (changed && !MAY_LOWER_OTHERWISE.test(char)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('lower-cases ASCII capitals only, next to every character', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0x10ffff; code += code < 0x10000 ? 1 : 97) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `CVV ${String.fromCodePoint(code)} PIN`;
      if (lowerAscii(text) !== referenceLowerAscii(text)) wrong.push(code.toString(16));
    }
    for (const text of ['', 'plain', 'İSTANBUL PIN 1234', 'ΣΑΣ cvv', 'Ａ１ ＣＶＶ', '\ud801\udc00 OTP', 'K\u212a']) {
      expect(lowerAscii(text)).toBe(referenceLowerAscii(text));
    }
    expect(wrong).toEqual([]);
  });
});

import type { Replacement } from './textRewrite.ts';

/**
 * Phone and card numbers in a URL's query (a screen-pop link, a CRM deep link, a logged request):
 * `msisdn=%2B447458203117`, `card=4111%201111%201111%201111`, `tel=03%2D1234%2D5678`. The encoded
 * sign is read as the character it stands for where a number is written: a "+" before a digit, a
 * space or a dash between two digits. E-mail's `%40` is the e-mail detector's own reading.
 */
const PLUS = 0x42; // %2B
const SPACE = 0x30; // %20
const DASH = 0x44; // %2D

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function percentEncodedReplacements(text: string, into: Replacement[]): void {
  for (let i = text.indexOf('%2'); i >= 0; i = text.indexOf('%2', i + 1)) {
    const sign = text.charCodeAt(i + 2) & ~0x20;
    if (!isDigit(text.charCodeAt(i + 3))) continue;
    let replacement: string;
    if (sign === PLUS) replacement = '+';
    else if (text.charCodeAt(i + 2) === SPACE && isDigit(text.charCodeAt(i - 1))) replacement = ' ';
    else if (sign === DASH && isDigit(text.charCodeAt(i - 1))) replacement = '-';
    else continue;
    into.push({ start: i, end: i + 3, pieces: [{ text: replacement, start: i, end: i + 3 }] });
  }
}

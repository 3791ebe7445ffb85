import type { Replacement } from './textRewrite.ts';

/**
 * A pause written between the groups of a number, as a transcript marks it: `400... 24... 8570`,
 * `1818…1687`, `4... 0... 6`, `3、8、…1、5、0、7`. The pause is read as the separator it stands
 * for, a space (or the 、 of digits said one at a time), so the groups are one number again.
 * Between two digits only: "wait... 2024" and "2... then" keep theirs.
 */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isPauseBlank(code: number): boolean {
  return code === 0x20 || code === 0x3001 || code === 0x2c;
}

/** The longest run of dots or ellipses read as one pause. */
const MAX_PAUSE = 6;

export function digitPauseReplacements(text: string, into: Replacement[]): void {
  for (let i = firstPause(text, 0); i >= 0; i = firstPause(text, i + 1)) {
    let from = i;
    while (from > 0 && isPauseBlank(text.charCodeAt(from - 1))) from--;
    if (from === 0 || !isDigit(text.charCodeAt(from - 1))) continue;
    let mark = i;
    while (mark < text.length && mark - i < MAX_PAUSE && (text.charCodeAt(mark) === 0x2026 || text.charCodeAt(mark) === 0x2e)) mark++;
    // One dot is a decimal point or a sentence's end; two or more, or an ellipsis, a pause.
    if (mark - i < 2 && text.charCodeAt(i) !== 0x2026) continue;
    let to = mark;
    while (to < text.length && isPauseBlank(text.charCodeAt(to))) to++;
    if (!isDigit(text.charCodeAt(to))) continue;
    const gap = text.slice(from, to);
    const separator = gap.includes('、') ? '、' : ' ';
    into.push({ start: from, end: to, pieces: [{ text: separator, start: from, end: to }] });
    i = to - 1;
  }
}

/** Where the next "…" or ".." is at or after `from`, or -1. */
function firstPause(text: string, from: number): number {
  const ellipsis = text.indexOf('…', from);
  const dots = text.indexOf('..', from);
  if (ellipsis < 0) return dots;
  if (dots < 0) return ellipsis;
  return Math.min(ellipsis, dots);
}

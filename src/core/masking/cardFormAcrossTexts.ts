import { CARD_FORM_WINDOW, cardFormGapEnd, isCardCompanion, isCardSecurityCode, readCardForm } from './detectors/cardCompanions.ts';
import type { Finding } from './Finding.ts';
import { normalizeForDetection } from './normalizeForDetection.ts';

/** How many texts after a card's may hold the rest of its form ("12/27", then "123"). */
const FOLLOWING_TEXTS = 2;
/** What may close a text that holds a card form: a polite ending and end punctuation ("有効期限は12/27です。", "123 thanks!"). */
// Punctuation, then at most one polite word and its punctuation: the two never match the same
// characters, so a reading cannot be tried two ways (linear, as recheck proves).
const CLOSING = /[\s,、.!?。！？…]*(?:(?:です|でした|ます|よ|ね|thanks|thank you|please|pls|ok)[\s.!?。！？…]*)?$/iy;

/**
 * A card's expiry and code sent as the texts after a card whose own text goes on in words:
 * "カード番号は4111 … 1111です", then "有効期限は12/27", then "123". The joined scan of neighbouring
 * texts (`crossBoundaryFindings`) reads only number-like edges, so it sees none of these. Each of
 * the next texts is read as the card form goes on: from its start, through separators and form
 * labels only, as the card-companion detector reads after a card in one text, and it counts only
 * when it holds the form and nothing else (a closing such as `です` or `thanks` aside); the first
 * text that does not (`ok thanks`, `my order is 12345`, `1500 yen?`) ends the form, and so does a
 * text with a card of its own. `scanned[i]` is the findings of text `i` so far (null for a text that takes no part); the
 * result holds, per text, the expiries and codes found in it, none overlapping its own findings.
 */
export function cardFormAcrossTexts(texts: readonly string[], scanned: ReadonlyArray<Finding[] | null>): Map<number, Finding[]> {
  const found = new Map<number, Finding[]>();
  for (let i = 0; i < texts.length - 1; i++) {
    const own = scanned[i];
    if (own === null || own === undefined) continue;
    let cardEnd = -1;
    for (const f of own) if (f.kind === 'pan' && f.end > cardEnd) cardEnd = f.end;
    if (cardEnd < 0) continue;
    let dates = 0;
    let code = false;
    for (const f of own) {
      if (f.start < cardEnd || !isCardCompanion(f)) continue;
      if (isCardSecurityCode(f)) code = true;
      else dates++;
    }
    for (let j = i + 1; j <= i + FOLLOWING_TEXTS && j < texts.length && !(code && dates > 0); j++) {
      const theirs = scanned[j];
      if (theirs === null || theirs === undefined || theirs.some((f) => f.kind === 'pan')) break;
      // A text that is the form and nothing else: a long message, or one going on in other words
      // after a number ("1500 yen?", "12/27 is the date of my flight"), is about something else.
      // (Told before normalising, which costs more than the reading.)
      const raw = texts[j] ?? '';
      if (raw.length > CARD_FORM_WINDOW || !startsWithinForm(raw)) break;
      const normalized = normalizeForDetection(raw);
      const text = normalized.text;
      const read: Finding[] = [];
      // Four digits alone before any expiry are the expiry (`0829`, then `319`), not an Amex code.
      const end = readCardForm(text, 0, dates, code, read, dates === 0);
      if (end === 0 || !closesForm(text, end)) break;
      const kept: Finding[] = [];
      for (const f of read) {
        const from = normalized.originalStart(f.start);
        const to = normalized.originalEnd(f.end);
        if (isCardSecurityCode(f)) code = true;
        else dates++;
        // What the text's own scan found there (a CVV word's code) stays its own.
        if (!theirs.some((t) => t.start < to && t.end > from)) kept.push({ ...f, start: from, end: to });
      }
      if (kept.length > 0) found.set(j, [...(found.get(j) ?? []), ...kept]);
    }
  }
  return found;
}

/** True when what follows the form's last token in `text` is a closing, or labels and separators ("is the code") and then one. */
function closesForm(text: string, end: number): boolean {
  for (const at of [end, cardFormGapEnd(text, end)]) {
    CLOSING.lastIndex = at;
    if (CLOSING.test(text)) return true;
  }
  return false;
}

/**
 * A quick test before the text is normalised: a card form's first token is a digit or a month's
 * name after at most a short label, so a text whose first characters are neither holds none. Any
 * character but kana, kanji and Japanese punctuation may fold to a digit (４, 𝟒, ④) and counts.
 */
function startsWithinForm(text: string): boolean {
  const end = Math.min(text.length, 40);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)) return true;
    if (code >= 0x80 && !(code >= 0x3000 && code <= 0x9fff)) return true;
  }
  return false;
}

import { LABEL_FAMILY } from '../labelMentions.ts';
import type { Detector, Finding } from '../Finding.ts';
import { CARD_EXPIRY, cardExpiryEndAt } from './cardCompanions.ts';

// The label of a card's expiry and what people put between it and the date ("expiry date's",
// "exp:", "有効期限は", "expiery is": a typo the label still reads as). Bounded: linear per start.
const LABEL =
  /(?:card ?)?(?:(exp(?:iry|iery|iration|ires|ired|iring)?)\.?(?: ?date)?|valid (?:thru|through|until)|good thru|有効期限|ユウコウキゲン|ゆうこうきげん|(期限))(?![a-z])(?:'s|[ \t:=："'はが]|is |was ){0,4}/gi;
/** Words that make a text about a payment card (a card number found in it does too). */
export const ABOUT_A_CARD =
  /card|カード|cvv|cvc|cid|security code|セキュリティコード|visa|master|amex|アメックス|jcb|diners|ダイナース|discover|union ?pay|銀聯|\bpan\b|\bcc\b/i;
/** A month and a year no one reads as a day: a four-digit year, a month's name, 年. */
const UNAMBIGUOUS = /20\d\d|[a-z]|年/i;

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * A card's expiry under its label where no card form precedes it, in a text about a card: a
 * customer sending the card in parts ("expiry date's march 2028 and the cvc is 771"), an agent's
 * note of a card on file ("MC ending 9288, new exp 04/29"), a card number further back in the same
 * value. An expiry is card data when it is kept with the card (PCI DSS): alone ("exp 12/29") it is
 * shown, as the card form across texts already reads the expiry sent after a card message. A date
 * after "expires" may be any deadline ("offer expires 12/15"): there only a month and year no one
 * reads as a day count. A full date is no expiry (the pattern refuses one).
 */
export const labelledCardExpiryDetector: Detector = {
  name: 'labelledCardExpiry',
  detect(input) {
    const findings: Finding[] = [];
    const { text } = input;
    if ((input.labelFamilies() & LABEL_FAMILY.expiry) === 0) return findings;
    if (input.digitGroupFindings().pan.length === 0 && !ABOUT_A_CARD.test(text)) return findings;
    LABEL.lastIndex = 0;
    for (const match of text.matchAll(LABEL)) {
      if (match.index > 0 && isAsciiLetter(text.charCodeAt(match.index - 1))) continue;
      const from = match.index + match[0].length;
      const word = (match[1] ?? '').toLowerCase();
      // 期限 alone is any deadline (支払期限): like "expires", only a month and year no one reads as a day.
      const deadline = word === 'expires' || word === 'expired' || match[2] !== undefined;
      const end = cardExpiryEndAt(text, from, !deadline && word !== 'exp');
      if (end < 0 || (deadline && !UNAMBIGUOUS.test(text.slice(from, end)))) continue;
      findings.push({ kind: 'secret', start: from, end, detector: CARD_EXPIRY });
    }
    return findings;
  },
};

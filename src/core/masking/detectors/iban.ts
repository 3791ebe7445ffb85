import { getCountrySpecifications, isValidIBAN } from 'ibantools';
import type { Detector, Finding } from '../Finding.ts';

const countryLengths: ReadonlyMap<string, number> = new Map(
  Object.entries(getCountrySpecifications()).flatMap(([code, spec]) => (spec.chars ? [[code, spec.chars] as const] : [])),
);

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * IBANs in electronic (`DE89370400440532013000`) or print form (`DE89 3704 0044 0532 0130 00`):
 * a country code, exactly that country's length (single spaces between characters allowed), and
 * ibantools' mod-97 and national checks. Letters or digits glued on either side do not stop it
 * ("orderDE89…"): with the country's exact length and mod-97, a false match is rare, and a missed
 * IBAN is worse.
 */
export const ibanDetector: Detector = {
  name: 'iban',
  detect({ text }) {
    const findings: Finding[] = [];
    for (let i = 0; i + 4 <= text.length; i++) {
      if (!isLetter(text.charCodeAt(i)) || !isLetter(text.charCodeAt(i + 1))) continue;
      if (!isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) continue;
      const length = countryLengths.get(text.slice(i, i + 2).toUpperCase());
      if (length === undefined) continue;
      let compact = '';
      let j = i;
      while (j < text.length && compact.length < length) {
        const code = text.charCodeAt(j);
        if (isAlnum(code)) {
          compact += text[j];
          j++;
        } else if (code === 0x20 && compact.length > 0 && j + 1 < text.length && isAlnum(text.charCodeAt(j + 1))) {
          j++;
        } else {
          break;
        }
      }
      if (compact.length !== length) continue;
      if (!isValidIBAN(compact.toUpperCase())) continue;
      findings.push({ kind: 'iban', start: i, end: j, detector: 'iban' });
      i = j - 1;
    }
    return findings;
  },
};

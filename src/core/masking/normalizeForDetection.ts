/**
 * Maps look-alike characters to ASCII one code unit for one code unit, so that offsets found on
 * the normalised text are valid on the original and the surrounding text can be kept verbatim.
 * Full-width digits and letters (４１１１…), full-width and typographic dashes, and the many
 * Unicode spaces all appear in Japanese input and in values pasted from documents.
 * Invisible characters (zero-width space, soft hyphen, BOM) become spaces: removing them would
 * shift offsets, and as spaces they act as group separators, which is how they were meant to evade.
 */
export function normalizeForDetection(text: string): string {
  // Unchanged stretches are copied as slices: most values are plain ASCII and come back as they are.
  let out = '';
  let copiedUntil = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const mapped = isLongSoundMark(code) ? (betweenDigits(text, i) ? HYPHEN : code) : mapCodeUnit(code);
    if (mapped === code) continue;
    out += text.slice(copiedUntil, i) + String.fromCharCode(mapped);
    copiedUntil = i + 1;
  }
  return copiedUntil === 0 ? text : out + text.slice(copiedUntil);
}

const SPACE = 0x20;
const HYPHEN = 0x2d;

/** ー (and its half-width form) is typed as a dash in phone numbers, but inside words (マイナンバー) it is a letter. */
function isLongSoundMark(code: number): boolean {
  return code === 0x30fc || code === 0xff70;
}

function isAnyDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** Between two digits (０９０ー１２３４), not at a word's end before a number (マイナンバー1234…). */
function betweenDigits(text: string, i: number): boolean {
  return i > 0 && isAnyDigit(text.charCodeAt(i - 1)) && i + 1 < text.length && isAnyDigit(text.charCodeAt(i + 1));
}

function mapCodeUnit(code: number): number {
  if (code < 0x80) return code;
  // Full-width ASCII block: ！ (FF01) … ～ (FF5E) map to ! … ~.
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xff01 + 0x21;
  switch (code) {
    case 0x00a0: // no-break space
    case 0x1680:
    case 0x202f: // narrow no-break space
    case 0x205f:
    case 0x3000: // ideographic space
    case 0x200b: // zero-width space
    case 0x200c:
    case 0x200d:
    case 0x2060: // word joiner
    case 0xfeff: // BOM
    case 0x00ad: // soft hyphen
      return SPACE;
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2015: // horizontal bar
    case 0x2212: // minus sign
      return HYPHEN;
    default:
      if (code >= 0x2000 && code <= 0x200a) return SPACE; // en quad … hair space
      return code;
  }
}

const ASCII_UPPER = /[A-Z]+/g;

/**
 * ASCII-only lower-casing. `String.prototype.toLowerCase` may change a string's length
 * (`İ` becomes two code units), which would shift every offset after it. Runs of capitals are
 * replaced as a whole, so a value without any is returned as it is, without copying.
 */
export function lowerAscii(text: string): string {
  return text.replace(ASCII_UPPER, (letters) => letters.toLowerCase());
}

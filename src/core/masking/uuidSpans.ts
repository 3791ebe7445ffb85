/** Hex digits per segment of `8-4-4-4-12`, and where each segment starts relative to the UUID. */
const SEGMENTS: ReadonlyArray<readonly [offset: number, length: number]> = [
  [0, 8],
  [9, 4],
  [14, 4],
  [19, 4],
  [24, 12],
];
const UUID_LENGTH = 36;
const FIRST_DASH = 8;

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function isHexOrDash(code: number): boolean {
  return isHex(code) || code === 0x2d;
}

function isUuidAt(text: string, start: number): boolean {
  if (start < 0 || start + UUID_LENGTH > text.length) return false;
  // The dashes first: most dashes (an SSN's, a date's) are no UUID's, and this says so in three reads.
  if (text.charCodeAt(start + 13) !== 0x2d || text.charCodeAt(start + 18) !== 0x2d || text.charCodeAt(start + 23) !== 0x2d) return false;
  for (const [offset, length] of SEGMENTS) {
    if (offset > 0 && text.charCodeAt(start + offset - 1) !== 0x2d) return false;
    for (let i = start + offset; i < start + offset + length; i++) if (!isHex(text.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * Where UUIDs are (contact ids, request ids). Their all-digit segments can pass a Luhn or
 * My Number check ("65283518-3746-4988-…" is 16 digits starting 65), but a UUID is an id an
 * agent needs, never a card number; number findings inside one are dropped.
 *
 * Found from each dash as a UUID's first dash, with a fixed-size check there: linear, and cheaper
 * than a regex run over every value that holds a dash. A UUID glued to more hex or dashes is
 * part of something longer and does not count.
 */
export function uuidSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (let dash = text.indexOf('-', FIRST_DASH); dash >= 0; dash = text.indexOf('-', dash + 1)) {
    const start = dash - FIRST_DASH;
    if (!isUuidAt(text, start)) continue;
    const end = start + UUID_LENGTH;
    if (start > 0 && isHexOrDash(text.charCodeAt(start - 1))) continue;
    if (end < text.length && isHexOrDash(text.charCodeAt(end))) continue;
    spans.push({ start, end });
  }
  return spans;
}

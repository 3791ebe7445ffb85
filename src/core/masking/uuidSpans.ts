// Fixed-length pieces, no nesting: constant work per start position.
const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;

function isHexOrDash(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102) || code === 0x2d;
}

/**
 * Where UUIDs are (contact ids, request ids). Their all-digit segments can pass a Luhn or
 * My Number check ("65283518-3746-4988-…" is 16 digits starting 65), but a UUID is an id an
 * agent needs, never a card number; number findings inside one are dropped.
 */
export function uuidSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(UUID)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > 0 && isHexOrDash(text.charCodeAt(start - 1))) continue;
    if (end < text.length && isHexOrDash(text.charCodeAt(end))) continue;
    spans.push({ start, end });
  }
  return spans;
}

import { inflateSync } from 'node:zlib';

/**
 * The text runs Chromium's PDF writer (Skia) draws, decoded through the fonts' ToUnicode maps:
 * enough to search a printed page for a value without a PDF reader in the project. Font
 * resources are not tracked per page, so a run is decoded with every map that covers all its
 * glyphs (a run may appear more than once, never missing).
 */
export function pdfTextRuns(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const body = pdf.subarray(start, source.indexOf('endstream', start));
    try {
      streams.push(inflateSync(body).toString('latin1'));
    } catch {
      streams.push(body.toString('latin1'));
    }
  }
  const hexes = (text: string): number[] => (text.match(/[0-9A-Fa-f]{4}/g) ?? []).map((hex) => parseInt(hex, 16));
  const maps = streams
    .filter((text) => text.includes('beginbfchar') || text.includes('beginbfrange'))
    .map((text) => {
      const map = new Map<number, string>();
      for (const [, block = ''] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
        for (const [, glyph = '', unicode = ''] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
          map.set(parseInt(glyph, 16), String.fromCharCode(...hexes(unicode)));
      }
      for (const [, block = ''] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
        for (const [, first = '', last = '', unicode = ''] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
          const from = parseInt(first, 16);
          for (let glyph = from; glyph <= parseInt(last, 16); glyph++) map.set(glyph, String.fromCharCode(parseInt(unicode, 16) + glyph - from));
        }
      }
      return map;
    });
  const runs: string[] = [];
  for (const text of streams) {
    for (const [, array, single] of text.matchAll(/\[((?:<[0-9A-Fa-f]*>|[^\]])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      const glyphs = hexes(array === undefined ? (single ?? '') : [...array.matchAll(/<([0-9A-Fa-f]*)>/g)].map(([, hex = '']) => hex).join(''));
      for (const map of maps) if (glyphs.every((glyph) => map.has(glyph))) runs.push(glyphs.map((glyph) => map.get(glyph) ?? '').join(''));
    }
  }
  return runs;
}

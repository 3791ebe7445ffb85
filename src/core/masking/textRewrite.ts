/**
 * A text rewritten for the detectors (numbers said in words as digits, a percent-encoded "+" as
 * "+"), with each output code unit mapped back to the stretch of the text it was read from.
 */
export interface TextRewrite {
  text: string;
  /** Offsets in the text read, per output code unit. */
  starts: number[];
  ends: number[];
}

/** One stretch `[start, end)` of the text, written as `pieces`, each mapped to its own stretch. */
export interface Replacement {
  start: number;
  end: number;
  pieces: { text: string; start: number; end: number }[];
}

/** `text` with `replacements` applied (sorted here; one overlapping an earlier one is dropped), or null when there are none. */
export function applyReplacements(text: string, replacements: Replacement[]): TextRewrite | null {
  if (replacements.length === 0) return null;
  replacements.sort((a, b) => a.start - b.start);
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let copied = 0;
  const copy = (to: number): void => {
    for (let k = copied; k < to; k++) {
      starts.push(k);
      ends.push(k + 1);
    }
    out += text.slice(copied, to);
    copied = to;
  };
  for (const replacement of replacements) {
    if (replacement.start < copied) continue;
    copy(replacement.start);
    for (const piece of replacement.pieces) {
      for (let k = 0; k < piece.text.length; k++) {
        starts.push(piece.start);
        ends.push(piece.end);
      }
      out += piece.text;
    }
    copied = replacement.end;
  }
  copy(text.length);
  return { text: out, starts, ends };
}

/** `second` read after `first`: each code unit of the last text mapped to the stretch of the first text it came from. */
export function composeRewrites(first: TextRewrite, second: TextRewrite): TextRewrite {
  const length = first.starts.length;
  const starts = second.starts.map((s) => (s < length ? (first.starts[s] ?? length) : (first.ends[length - 1] ?? 0)));
  const ends = second.ends.map((e) => (e > 0 ? (first.ends[e - 1] ?? 0) : (first.starts[0] ?? 0)));
  return { text: second.text, starts, ends };
}

/** The candidate a mistyped key most likely meant, for "did you mean …?" hints; undefined when none is close. */
export function closestWord(typed: string, candidates: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  let best: { word: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (best === undefined || distance < best.distance) best = { word: candidate, distance };
  }
  if (best === undefined) return undefined;
  const tolerance = Math.max(1, Math.min(3, Math.floor(best.word.length / 4)));
  return best.distance <= tolerance ? best.word : undefined;
}

/**
 * Optimal-string-alignment distance: Levenshtein plus a swap of two neighbouring letters as one
 * edit, because swapped letters are the commonest typo in a key (`regoin`, `emial`) and plain
 * Levenshtein counts them as two.
 */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(distance);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

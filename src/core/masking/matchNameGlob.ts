/**
 * Case-insensitive glob match where `*` stands for any run of characters (`card_*`, `*Token`).
 * The classic two-pointer algorithm: no regular expression is built from policy text, and the
 * work is bounded by name length × pattern length.
 */
export function matchNameGlob(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const s = name.toLowerCase();
  let pi = 0;
  let si = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (si < s.length) {
    if (pi < p.length && p[pi] !== '*' && p[pi] === s[si]) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === '*') {
      starAt = pi;
      resumeAt = si;
      pi++;
    } else if (starAt >= 0) {
      pi = starAt + 1;
      resumeAt++;
      si = resumeAt;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

import { shellDisplays } from './corpusDisplays.ts';
import { scoreHeldOut } from './heldOutRows.ts';

/**
 * `npx tsx bench/corpus/printHeldOutScores.ts`: per-class totals of the faker-built corpus for the
 * shell's engine, one line per class and split. Totals only: tuning never looks at single cases.
 */
for (const score of scoreHeldOut(shellDisplays())) {
  console.log(
    `${score.split.padEnd(8)} ${score.class.padEnd(14)} precision ${score.precision.toFixed(3)} recall ${score.recall.toFixed(3)} (${String(score.positives)}+${String(score.negatives)})`,
  );
}

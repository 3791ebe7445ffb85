import { writeFileSync } from 'node:fs';
import { corpusOutputs } from './corpusOutputs.ts';

/**
 * Records what the engine shows for the whole corpus into `corpusSnapshot.json`, one output per
 * line. Run only after a change that is meant to change outputs, and say in the commit how many
 * changed and why (`git diff --stat` counts them).
 */
const outputs = corpusOutputs();
const lines: string[] = [];
for (const [key, values] of Object.entries(outputs)) {
  lines.push(`${JSON.stringify(key)}: [`);
  values.forEach((value, i) => lines.push(`  ${JSON.stringify(value)}${i < values.length - 1 ? ',' : ''}`));
  lines.push('],');
}
const body = lines.join('\n').replace(/,$/, '');
writeFileSync(new URL('./corpusSnapshot.json', import.meta.url), `{\n${body}\n}\n`);
console.log(`recorded ${String(Object.values(outputs).reduce((n, v) => n + v.length, 0))} outputs`);

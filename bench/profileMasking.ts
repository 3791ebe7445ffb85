import { createMaskingEngine } from '../src/core/masking/createMaskingEngine.ts';
import { attributeMapAtLimit } from './corpus/labeledCorpus.ts';

/**
 * What `docs/masking.md`'s CPU profile summary is taken from:
 * `node --import tsx --cpu-prof --cpu-prof-dir=DIR bench/profileMasking.ts [warm|cold|text]`, then
 * `npx tsx bench/summarizeProfile.ts DIR/*.cpuprofile`.
 */
const mode = process.argv[2] ?? 'warm';
const map = attributeMapAtLimit(20241129);
const text = Object.values(map).join('\n');
const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });
const started = performance.now();
for (let i = 0; i < 300; i++) {
  if (mode === 'cold') createMaskingEngine(undefined, { defaultCountry: 'US' }).maskAttributes(map);
  else if (mode === 'text') engine.maskText(text);
  else engine.maskAttributes(map);
}
const ours = (performance.now() - started) / 300;
const naiveStarted = performance.now();
for (let i = 0; i < 300; i++) for (const value of Object.values(map)) value.replace(/[0-9]{4,}/g, '••••');
const naive = (performance.now() - naiveStarted) / 300;
console.log(`${mode}: ${ours.toFixed(3)} ms per run, naive regex ${naive.toFixed(3)} ms, ratio ${(ours / naive).toFixed(1)}`);

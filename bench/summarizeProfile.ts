import { readFileSync } from 'node:fs';

/**
 * Self and inclusive time per function (top 25 each) from a V8 `.cpuprofile`, for the profile
 * summary in docs/masking.md. Inclusive counts a sample once per function on its stack, so
 * recursion is not counted twice. Shares are of the samples spent in the engine's own code and
 * the libraries it calls (`src/`, `node_modules/`), so the runner's module loading and idle time
 * do not dilute them; the garbage collector is listed with its share of all samples.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
const profile = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as { nodes: ProfileNode[]; samples: number[] };

const byId = new Map<number, ProfileNode>();
const parentOf = new Map<number, number>();
for (const node of profile.nodes) {
  byId.set(node.id, node);
  for (const child of node.children ?? []) parentOf.set(child, node.id);
}
function keyOf(node: ProfileNode): string {
  const file = node.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/');
  return `${node.callFrame.functionName || '(anonymous)'} ${file}`;
}
function isEngineCode(node: ProfileNode): boolean {
  return /\/(src|node_modules)\//.test(node.callFrame.url) && !node.callFrame.url.includes('/node_modules/tsx/');
}

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let engineSamples = 0;
let gcSamples = 0;
for (const sample of profile.samples) {
  const leaf = byId.get(sample);
  if (leaf === undefined) continue;
  if (leaf.callFrame.functionName === '(garbage collector)') gcSamples++;
  const onStack = new Set<string>();
  let inEngine = false;
  for (let id: number | undefined = sample; id !== undefined; id = parentOf.get(id)) {
    const node = byId.get(id);
    if (node === undefined) break;
    if (isEngineCode(node)) {
      inEngine = true;
      onStack.add(keyOf(node));
    }
  }
  if (!inEngine) continue;
  engineSamples++;
  self.set(keyOf(leaf), (self.get(keyOf(leaf)) ?? 0) + 1);
  for (const key of onStack) inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
}

const share = (hits: number, of: number): string => `${((100 * hits) / of).toFixed(1).padStart(5)} %`;
console.log(
  `${String(profile.samples.length)} samples, ${String(engineSamples)} in src/ and node_modules/; garbage collector ${share(gcSamples, profile.samples.length)} of all`,
);
for (const [title, table] of [
  ['self time (leaf), share of engine samples', self],
  ['inclusive time, share of engine samples', inclusive],
] as const) {
  console.log(`\n${title}:`);
  for (const [name, hits] of [...table.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${share(hits, engineSamples)}  ${name}`);
}

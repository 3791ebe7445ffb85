import { readFileSync } from 'node:fs';

/** Self time per function (top 25) from a V8 `.cpuprofile`, for the profile summary in docs/masking.md. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const profile = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
const total = profile.samples.length;
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const file = node.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/');
  const key = `${node.callFrame.functionName || '(anonymous)'} ${file}:${String(node.callFrame.lineNumber + 1)}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + (node.hitCount ?? 0));
}
const rows = [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [name, hits] of rows) console.log(`${((100 * hits) / total).toFixed(1).padStart(5)} %  ${name}`);

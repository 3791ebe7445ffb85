import type { CDPSession } from 'playwright-core';

/** A V8 heap snapshot (`.heapsnapshot` JSON), as DevTools' HeapProfiler hands it out. */
interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface HeapNode {
  index: number;
  id: number;
  type: string;
  name: string;
  selfSize: number;
}

/** One object the heap holds, read from a snapshot: who it is, and the shortest path that keeps it alive. */
export interface HeapSnapshot {
  nodes(): Iterable<HeapNode>;
  /** Shortest strong path from the GC roots to the node, outermost first, as `Owner.edge` steps. */
  retainerPath(index: number): string[];
}

/** A forced GC first, so the snapshot holds only what something still retains. */
export async function takeHeapSnapshot(cdp: CDPSession): Promise<HeapSnapshot> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }): void => {
    chunks.push(event.chunk);
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return readHeapSnapshot(JSON.parse(chunks.join('')) as RawSnapshot);
}

function readHeapSnapshot(raw: RawSnapshot): HeapSnapshot {
  const { meta } = raw.snapshot;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const field = (fields: string[], name: string): number => fields.indexOf(name);
  const [nType, nName, nId, nSize, nEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((name) => field(meta.node_fields, name)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((name) => field(meta.edge_fields, name)) as [number, number, number];
  const count = raw.nodes.length / nodeWidth;
  const firstEdge = new Uint32Array(count + 1);
  for (let node = 0, edge = 0; node < count; node += 1) {
    firstEdge[node] = edge;
    edge += (raw.nodes[node * nodeWidth + nEdges] ?? 0) * edgeWidth;
    firstEdge[node + 1] = edge;
  }
  const at = (array: number[], index: number): number => array[index] ?? 0;
  const nodeAt = (node: number): HeapNode => ({
    index: node,
    id: at(raw.nodes, node * nodeWidth + nId),
    type: nodeTypes[at(raw.nodes, node * nodeWidth + nType)] ?? '?',
    name: raw.strings[at(raw.nodes, node * nodeWidth + nName)] ?? '?',
    selfSize: at(raw.nodes, node * nodeWidth + nSize),
  });
  const edgeName = (edge: number): string => {
    const type = edgeTypes[at(raw.edges, edge + eType)] ?? '?';
    const nameOrIndex = at(raw.edges, edge + eName);
    return type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : (raw.strings[nameOrIndex] ?? '?');
  };

  // Breadth first from the root over strong edges: the first parent found is on a shortest path.
  let parents: Int32Array | null = null;
  let parentEdge: Int32Array | null = null;
  const walk = (): [Int32Array, Int32Array] => {
    if (parents && parentEdge) return [parents, parentEdge];
    const parent = new Int32Array(count).fill(-1);
    const via = new Int32Array(count).fill(-1);
    parent[0] = 0;
    const queue = new Int32Array(count);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    while (head < tail) {
      const node = queue[head++] ?? 0;
      for (let edge = firstEdge[node] ?? 0; edge < (firstEdge[node + 1] ?? 0); edge += edgeWidth) {
        if (edgeTypes[at(raw.edges, edge + eType)] === 'weak') continue;
        const to = at(raw.edges, edge + eTo) / nodeWidth;
        if (parent[to] !== -1) continue;
        parent[to] = node;
        via[to] = edge;
        queue[tail++] = to;
      }
    }
    parents = parent;
    parentEdge = via;
    return [parent, via];
  };

  return {
    *nodes() {
      for (let node = 0; node < count; node += 1) yield nodeAt(node);
    },
    retainerPath(index) {
      const [parent, via] = walk();
      const steps: string[] = [];
      let node = index;
      while (node !== 0 && (parent[node] ?? -1) >= 0 && steps.length < 40) {
        const owner = parent[node] ?? 0;
        const { name, type } = nodeAt(owner);
        steps.unshift(`${type === 'object' || type === 'closure' ? name : `(${type} ${name.slice(0, 30)})`}.${edgeName(via[node] ?? 0)}`);
        node = owner;
      }
      if ((parent[index] ?? -1) < 0) steps.push('(unreachable)');
      return steps;
    },
  };
}

export interface ConstructorGrowth {
  name: string;
  count: number;
  bytes: number;
  /** Retainer path of one of the new objects. */
  example: string[];
}

/** Objects in `after` that `before` did not hold (by snapshot id), grouped by constructor, largest first. */
export function heapGrowth(before: HeapSnapshot, after: HeapSnapshot, limit: number): ConstructorGrowth[] {
  const old = new Set<number>();
  for (const node of before.nodes()) old.add(node.id);
  const groups = new Map<string, { count: number; bytes: number; sample: number }>();
  for (const node of after.nodes()) {
    if (old.has(node.id) || node.type === 'synthetic') continue;
    const key =
      node.type === 'object' || node.type === 'closure' ? `${node.type === 'closure' ? 'closure ' : ''}${node.name.replace(/ @\d+$/, '')}` : `(${node.type})`;
    const group = groups.get(key) ?? { count: 0, bytes: 0, sample: node.index };
    group.count += 1;
    group.bytes += node.selfSize;
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .slice(0, limit)
    .map(([name, group]) => ({ name, count: group.count, bytes: group.bytes, example: after.retainerPath(group.sample) }));
}

/** Live objects of one constructor (the library's classes keep their names in the bundle). */
export function countByConstructor(snapshot: HeapSnapshot, names: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  for (const node of snapshot.nodes()) {
    if (node.type === 'object' && node.name in counts) counts[node.name] = (counts[node.name] ?? 0) + 1;
  }
  return counts;
}

/** Ids and counters in edge names, so paths through different chats' objects group together. */
function normalizeStep(step: string): string {
  return step
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/ @\d+/g, '')
    .replace(/\[\d+\]/g, '[n]')
    .replace(/\.\d{6,}-[a-z0-9]+$/, '.<sub>');
}

/**
 * New bytes in `after`, grouped by who holds them: the first `depth` steps of each new object's
 * retainer path below the page's global object (or the GC root it hangs from).
 */
export function growthByOwner(before: HeapSnapshot, after: HeapSnapshot, depth: number, limit: number): { owner: string; count: number; bytes: number }[] {
  const old = new Set<number>();
  for (const node of before.nodes()) old.add(node.id);
  const groups = new Map<string, { count: number; bytes: number }>();
  for (const node of after.nodes()) {
    if (old.has(node.id) || node.type === 'synthetic' || node.type === 'code') continue;
    const path = after.retainerPath(node.index).map(normalizeStep);
    const global = path.findIndex((step) => step.startsWith('Window [JSGlobalObject]'));
    const below = global >= 0 ? path.slice(global) : path.slice(2);
    const owner = below.slice(0, depth).join(' → ');
    const group = groups.get(owner) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += node.selfSize;
    groups.set(owner, group);
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .slice(0, limit)
    .map(([owner, group]) => ({ owner, ...group }));
}

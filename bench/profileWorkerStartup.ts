import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchShield } from '../src/cli/browser/launchShield.ts';
import { workerRequestMessage } from '../src/core/messaging/workerMessages.ts';
import { NOTHING } from '../src/core/messaging/workerRequests.ts';
import { median } from './percentile.ts';

/**
 * Where a woken worker's time to its first answer goes, for the README's Performance section:
 * `npx vite build --minify false --outDir dist-profile && node --experimental-websocket --import tsx bench/profileWorkerStartup.ts [rounds] dist-profile`
 * (the unminified build keeps rolldown's `// <module path>` comments, so samples map to modules;
 * the minified build gives the same steps with modules unnamed).
 *
 * Each round stops the worker, then has a page send `policy.current`. DevTools attaches to the
 * new worker before its first line runs (auto-attach, waiting for the debugger), starts the V8
 * CPU profiler, and lets it run. After the answer it reads the worker's own `startup:*` marks
 * (src/background/startupMarks.ts) and the profile. Prints, as medians over the rounds: the
 * steps on one clock from the page's send, and the profile's time by module and by category.
 */
const ROUNDS = Number(process.argv[2] ?? '15');
const DIST = process.argv[3] ?? 'dist';
const POLICY = {
  instance: { ccpUrl: 'https://bench-startup.my.connect.aws/ccp-v2', region: 'ap-northeast-1' },
  masking: { patterns: [{ name: 'Member ID', regex: 'MEM-[0-9]{8}' }] },
};

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** Node 20's WebSocket (behind --experimental-websocket), typed as far as this script uses it. */
interface NodeWebSocket {
  send(data: string): void;
  close(): void;
  addEventListener(type: 'message', listener: (event: { data: string }) => void): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
}
declare const WebSocket: new (url: string) => NodeWebSocket;

/** A bare DevTools client over the browser endpoint, with flat sessions. */
async function connectCdp(url: string) {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error('DevTools connection failed')));
  });
  let nextId = 1;
  const pending = new Map<number, { resolve(result: Record<string, unknown>): void; reject(error: Error): void }>();
  const listeners: ((message: CdpMessage) => void)[] = [];
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data) as CdpMessage;
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result ?? {});
    } else for (const listener of listeners) listener(message);
  });
  return {
    send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    on(listener: (message: CdpMessage) => void) {
      listeners.push(listener);
    },
    close: () => socket.close(),
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Module of each line of an unminified rolldown chunk, which starts each module with a `// <path>` line. */
function regionsOf(file: string): (string | undefined)[] {
  const regions: (string | undefined)[] = [];
  let current: string | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const start = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line)?.[1];
    if (start !== undefined) current = start.startsWith('src/') ? start : (/^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(start)?.[1] ?? start);
    regions.push(current);
  }
  return regions;
}

/** Milliseconds of samples per module and per V8 category ("(program)", "(garbage collector)", "(idle)"). */
function profileBreakdown(profile: CpuProfile, extensionOrigin: string): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const regionCache = new Map<string, (string | undefined)[]>();
  const bucketOf = (node: ProfileNode): string => {
    const { url, functionName, lineNumber } = node.callFrame;
    if (url === '') return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
    if (!url.startsWith(extensionOrigin)) return url;
    const file = join(DIST, url.slice(extensionOrigin.length + 1));
    let regions = regionCache.get(file);
    if (!regions) {
      regions = regionsOf(file);
      regionCache.set(file, regions);
    }
    return regions[lineNumber] ?? url.slice(extensionOrigin.length + 1);
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((sample, index) => {
    const node = byId.get(sample);
    const next = profile.timeDeltas[index + 1] ?? 0;
    if (!node) return;
    const bucket = bucketOf(node);
    totals.set(bucket, (totals.get(bucket) ?? 0) + next / 1000);
  });
  return totals;
}

const shield = await launchShield({ chromiumArgs: ['--remote-debugging-port=0'], distDir: DIST });
try {
  await shield.setLocalPolicy(POLICY);
  const page = await shield.open('src/options/options.html');
  await page.getByTestId('setting').first().waitFor();
  const [port, path] = readFileSync(join(shield.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  const cdp = await connectCdp(`ws://127.0.0.1:${port ?? ''}${path ?? ''}`);

  const pageSession = await shield.context.newCDPSession(page);
  let running = true;
  pageSession.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    for (const version of versions) if (version.scriptURL.startsWith(shield.extensionOrigin)) running = version.runningStatus !== 'stopped';
  });
  await pageSession.send('ServiceWorker.enable');

  // Chromium keeps a service worker's DevTools target (and its session) across stop and start, and
  // restores a started profiler into the restarted worker: so the session attaches once, and each
  // round's profile is the woken worker's from its first line.
  let workerSession: string | null = null;
  cdp.on((message) => {
    if (message.method !== 'Target.attachedToTarget' || !message.params) return;
    const { sessionId, targetInfo } = message.params as { sessionId: string; targetInfo: { type: string; url: string } };
    if (targetInfo.type === 'service_worker' && targetInfo.url.startsWith(shield.extensionOrigin)) workerSession = sessionId;
    void cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
  for (let wait = 0; wait < 400 && workerSession === null; wait += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  const sessionId = workerSession as string | null;
  if (sessionId === null) throw new Error('DevTools did not attach to the worker');
  await cdp.send('Profiler.enable', {}, sessionId);
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 }, sessionId);

  const steps = new Map<string, number[]>();
  const buckets = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, value: number) => map.set(key, [...(map.get(key) ?? []), value]);
  for (let round = 0; round < ROUNDS; round += 1) {
    await cdp.send('Profiler.start', {}, sessionId);
    await pageSession.send('ServiceWorker.stopAllWorkers');
    for (let wait = 0; wait < 400 && running; wait += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    if (running) throw new Error('the worker did not stop');
    const [sentAt, answeredAt] = await page.evaluate(
      async (message) => {
        const sent = performance.timeOrigin + performance.now();
        // eslint-disable-next-line no-restricted-syntax -- the profile times the raw wire, as callWorker sends it
        await chrome.runtime.sendMessage(message);
        return [sent, performance.timeOrigin + performance.now()];
      },
      workerRequestMessage('policy.current', NOTHING),
    );
    const { profile } = (await cdp.send('Profiler.stop', {}, sessionId)) as { profile: CpuProfile & { startTime: number; endTime: number } };
    const { result } = (await cdp.send(
      'Runtime.evaluate',
      {
        expression: `JSON.stringify({ origin: performance.timeOrigin, now: performance.now(), marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]) })`,
        returnByValue: true,
      },
      sessionId,
    )) as { result: { value: string } };
    const worker = JSON.parse(result.value) as { origin: number; now: number; marks: [string, number][] };
    add(steps, 'worker global created', worker.origin - sentAt);
    for (const [name, at] of worker.marks) add(steps, name, worker.origin + at - sentAt);
    add(steps, 'page has the answer', answeredAt - sentAt);
    for (const [bucket, ms] of profileBreakdown(profile, shield.extensionOrigin)) add(buckets, bucket, ms);
    if (round === 0) writeFileSync('/tmp/worker-startup.cpuprofile', JSON.stringify(profile));
  }
  cdp.close();

  console.log(`Steps, ms after the page's sendMessage (median of ${String(ROUNDS)} rounds):`);
  for (const [name, values] of steps) console.log(`${median(values).toFixed(1).padStart(8)}  ${name}`);
  console.log('\nCPU profile of the woken worker, ms per module or category (median of rounds, top 30):');
  const rows = [...buckets].map(([bucket, values]) => [bucket, median([...values, ...Array<number>(ROUNDS - values.length).fill(0)])] as const);
  for (const [bucket, ms] of rows.sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(8)}  ${bucket}`);
} finally {
  await shield.close();
}

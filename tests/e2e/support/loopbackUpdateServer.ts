import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Runs the IT CLI as IT would (`npm run cli -- …`), returning what it printed. */
export function runCli(args: string[]): string {
  return execFileSync('npx', ['tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh organization key (PKCS#8 PEM, what `package --key` takes), written to `dir/key.pem`. */
export function writeOrganizationKey(dir: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const path = join(dir, 'key.pem');
  writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return path;
}

export interface LoopbackUpdateServer {
  /** The update manifest's URL, as `package --update-url` and `policy export --update-url` take it. */
  updateUrl: string;
  /** Every path Chromium asked for, in order. */
  requests: string[];
  close(): void;
}

/**
 * A self-hosted update server on loopback, as IT would run one: it serves whatever `package`
 * wrote into the folder `servedDir()` names at the time of each request (so a test can start
 * offering the next version by pointing it at another folder).
 */
export async function startLoopbackUpdateServer(servedDir: () => string): Promise<LoopbackUpdateServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push(path);
    try {
      const body = readFileSync(join(servedDir(), path.replace(/^\/+/, '')));
      response.writeHead(200, { 'content-type': path.endsWith('.xml') ? 'text/xml' : 'application/x-chrome-extension' });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { updateUrl: `http://127.0.0.1:${String(port)}/updates.xml`, requests, close: () => server.close() };
}

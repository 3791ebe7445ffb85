// The embedding page for end-to-end tests of the emulator itself: the real Streams + chatjs,
// bundled with esbuild, on its own host (embedder.test) under a strict CSP like an extension page.

import type { IncomingMessage, ServerResponse } from 'node:http';

export const TEST_EMBEDDER_HOST = 'embedder.test';
export const TEST_EMBEDDER_PATH = '/__test-embedder/';
const SCRIPT_PATH = '/__test-embedder/embedder.js';

export interface TestEmbedderOptions {
  readonly script: string;
  readonly ccpUrl: string;
  readonly instanceOrigin: string;
  readonly participantOrigin: string;
  readonly region: string;
}

export function createTestEmbedderSite(options: TestEmbedderOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const page = `<!doctype html>
<html lang="en" data-ccp-url="${options.ccpUrl}" data-region="${options.region}">
<head><meta charset="utf-8"><title>Emulator test embedder</title>
<script src="${SCRIPT_PATH}" defer></script></head>
<body><div id="ccp" style="width: 400px; height: 500px"></div></body>
</html>
`;
  const csp =
    `default-src 'self'; script-src 'self'; frame-src ${options.instanceOrigin}; ` +
    `connect-src 'self' ${options.participantOrigin}; style-src 'self' 'unsafe-inline'; img-src 'self' data:`;
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === TEST_EMBEDDER_PATH) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp });
      res.end(page);
    } else if (req.method === 'GET' && path === SCRIPT_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(options.script);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found on the test embedder.\n');
    }
  };
}

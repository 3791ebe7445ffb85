// The emulated instance host: the /ccp-v2 page (with the frame-ancestors CSP of the real CCP),
// its assets, and the page's private link to the server (/emu/stream, /emu/api).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorError } from '../model/emulatorError.ts';
import type { EmulatorSettings } from '../model/emulatorSettings.ts';
import type { EmulatorState } from '../model/emulatorState.ts';
import { readJson, sendJson } from '../http/jsonBody.ts';
import { buildAgentData } from '../snapshot/buildAgentData.ts';
import { PAGE_API_PATH, PAGE_PROBE_PATH, PAGE_STREAM_PATH, PageEvent, type PageMediaReport } from '../shared/pageProtocol.ts';
import { handleCcpApiRequest } from './ccpApiHandler.ts';
import { handleLoginRequest } from './loginPage.ts';
import type { PageEventHub } from './pageEventHub.ts';

const CCP_SCRIPT_PATH = '/emu/assets/ccp-page.js';
const CCP_STYLE_PATH = '/emu/assets/ccp-page.css';

const ccpHtml = (region: string): string => `<!doctype html>
<html lang="en" data-region="${region}">
<head>
<meta charset="utf-8">
<title>Amazon Connect CCP (emulated)</title>
<link rel="stylesheet" href="${CCP_STYLE_PATH}">
<script src="${CCP_SCRIPT_PATH}" defer></script>
</head>
<body><main id="ccp-root" aria-live="polite"></main></body>
</html>
`;

export interface CcpSiteAssets {
  readonly script: string;
  readonly style: string;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function createCcpSite(state: EmulatorState, settings: EmulatorSettings, hub: PageEventHub, assets: CcpSiteAssets): RequestHandler {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && (path === '/ccp-v2' || path === '/ccp-v2/')) return serveCcpPage(settings, state.catalog.region, res);
    if (handleLoginRequest(settings, req, res, path)) return;
    if (req.method === 'GET' && path === CCP_SCRIPT_PATH) return serveAsset(res, 'text/javascript', assets.script);
    if (req.method === 'GET' && path === CCP_STYLE_PATH) return serveAsset(res, 'text/css', assets.style);
    if (req.method === 'GET' && path === PAGE_STREAM_PATH) {
      hub.attach(res, [
        [PageEvent.unresponsive, { unresponsive: settings.unresponsive }],
        [PageEvent.snapshot, buildAgentData(state)],
        [PageEvent.mute, { muted: state.agentMuted }],
        [PageEvent.transcripts, Object.fromEntries(state.contacts.filter((c) => c.type === 'chat').map((c) => [c.contactId, c.transcript]))],
      ]);
      return;
    }
    if (req.method === 'POST' && path === PAGE_PROBE_PATH) {
      state.recordPageReport(pageMediaReportOf(await readJson(req)));
      sendJson(res, 200, { ok: true });
      return;
    }
    if (req.method === 'POST' && path === PAGE_API_PATH) {
      const { method, params } = apiRequestOf(await readJson(req));
      sendJson(res, 200, handleCcpApiRequest(state, method, params, settings.apiFailures));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found in the emulated Amazon Connect instance.\n');
  };
}

function serveCcpPage(settings: EmulatorSettings, region: string, res: ServerResponse): void {
  if (settings.redirectCcpTo !== null) {
    res.writeHead(302, { location: settings.redirectCcpTo, 'cache-control': 'no-store' });
    res.end();
    return;
  }
  if (!settings.signedIn) {
    // Not signed in: no CCP for this frame until the login popup signs the agent in.
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('Sign in first (emulated).\n');
    return;
  }
  if (settings.unresponsive) {
    // Quick failure: Streams' iframe refresh keeps failing instead of waiting on a hung load.
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('The emulated CCP is unresponsive (fault injected).\n');
    return;
  }
  const frameAncestors = ["'self'", ...settings.approvedOrigins].join(' ');
  const framing = settings.xFrameOptions === null ? `frame-ancestors ${frameAncestors}; ` : '';
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      `${framing}default-src 'none'; script-src 'self'; style-src 'self'; ` + `connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'`,
    'x-content-type-options': 'nosniff',
    ...(settings.xFrameOptions !== null ? { 'x-frame-options': settings.xFrameOptions } : {}),
  });
  res.end(ccpHtml(region));
}

function serveAsset(res: ServerResponse, contentType: string, body: string): void {
  res.writeHead(200, { 'content-type': `${contentType}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function pageMediaReportOf(body: unknown): PageMediaReport {
  const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const str = (key: string): string => (typeof input[key] === 'string' ? input[key] : '');
  const ringtone = input.ringtone === 'playing' || input.ringtone === 'blocked' ? input.ringtone : 'silent';
  if (str('pageId') === '') throw new EmulatorError(400, 'A page report needs a "pageId".');
  return {
    pageId: str('pageId'),
    at: str('at'),
    visibility: str('visibility'),
    ringtone,
    microphone: str('microphone'),
    beats: typeof input.beats === 'number' ? input.beats : 0,
  };
}

function apiRequestOf(body: unknown): { method: string; params: unknown } {
  if (typeof body !== 'object' || body === null) throw new EmulatorError(400, 'Expected {"method", "params"}.');
  const { method, params } = body as Record<string, unknown>;
  if (typeof method !== 'string') throw new EmulatorError(400, '"method" must be a string.');
  return { method, params };
}

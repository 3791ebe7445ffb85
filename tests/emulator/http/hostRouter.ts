// One HTTPS listener for every emulated host name; the Host header picks the site, as the
// names all resolve to this port through Chromium's --host-resolver-rules.

import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorError } from '../model/emulatorError.ts';
import type { EmulatorCertificate } from '../tls/certificate.ts';
import { sendJson } from './jsonBody.ts';

export type SiteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export function createHostRouter(certificate: EmulatorCertificate, sites: ReadonlyMap<string, SiteHandler>): Server {
  return createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const site = sites.get(host);
    if (!site) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The emulator does not serve host "${host}".\n`);
      return;
    }
    Promise.resolve(site(req, res)).catch((error: unknown) => {
      if (res.headersSent) {
        res.end();
      } else if (error instanceof EmulatorError) {
        sendJson(res, error.status, { error: error.message });
      } else {
        sendJson(res, 500, { error: `The emulator failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    });
  });
}

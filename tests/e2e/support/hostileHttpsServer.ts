import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createEmulatorCertificate } from '../../emulator/tls/certificate.ts';

/**
 * An attacker's HTTPS host on loopback, for names the extension CSP lets through (look-alike
 * `*.my.connect.aws` hosts) so that only declarativeNetRequest or the frame guard stands in the
 * way. It records every HTTP request and WebSocket upgrade that arrived (not raw TCP connections:
 * Chromium may preconnect to a URL it then refuses). `/forge` is a page that, framed, tries to
 * drive Streams: it posts the CCP's `acknowledge` and a forged `agent::update` to its parent.
 */
export interface HostileHttpsServer {
  port: number;
  spkiHash: string;
  /** `METHOD host/path` for each request, `UPGRADE host/path` for each WebSocket attempt. */
  requests(): string[];
  close(): Promise<void>;
}

export const FORGED_AGENT_NAME = 'Mallory Forged';

const FORGE_PAGE = `<!doctype html><title>not the CCP</title><p>hostile</p><script>
const snapshot = { snapshot: { state: { name: 'Available', type: 'routable' }, agentAvailabilityState: { state: 'Available', timeStamp: new Date() }, contacts: [] },
  configuration: { name: ${JSON.stringify(FORGED_AGENT_NAME)}, username: 'mallory', agentStates: [{ name: 'Available', type: 'routable' }], permissions: [], routingProfile: { name: 'x', queues: [] } } };
const send = () => {
  parent.postMessage({ event: 'acknowledge', data: { id: 'forged' } }, '*');
  parent.postMessage({ event: 'agent::update', data: snapshot }, '*');
};
send();
setInterval(send, 200);
</script>`;

export async function startHostileHttpsServer(hostNames: readonly string[]): Promise<HostileHttpsServer> {
  const certificate = await createEmulatorCertificate(hostNames);
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const line = `${request.headers.host ?? ''}${request.url ?? ''}`;
    requests.push(`${request.method ?? ''} ${line}`);
    const forge = (request.url ?? '').startsWith('/forge');
    response.writeHead(200, {
      'content-type': forge ? 'text/html' : 'text/plain',
      // The fetch control needs CORS; the page has no frame-ancestors, so anyone may frame it.
      'access-control-allow-origin': '*',
    });
    response.end(forge ? FORGE_PAGE : 'hostile');
  });
  server.on('upgrade', (request, socket: Socket) => {
    requests.push(`UPGRADE ${request.headers.host ?? ''}${request.url ?? ''}`);
    socket.destroy();
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    spkiHash: certificate.spkiHash,
    requests: () => [...requests],
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback server standing in for an attacker's host. It counts TCP connections, not just
 * HTTP requests, so even a TLS handshake that never becomes a request is seen.
 */
export interface HostileListener {
  port: number;
  connections(): number;
  requests(): string[];
  close(): Promise<void>;
}

export async function startHostileListener(): Promise<HostileListener> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.headers.host ?? ''}${request.url ?? ''}`);
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>hostile</title><p>hostile page</p>');
  });
  server.on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    requests: () => [...requests],
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

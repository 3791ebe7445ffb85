// Server-sent events to every open CCP page. A page that (re)connects first gets the current
// snapshot and fault status, so an iframe reloaded by Streams picks up where the last one was.

import type { ServerResponse } from 'node:http';
import type { PageEvent } from '../shared/pageProtocol.ts';

export class PageEventHub {
  private readonly clients = new Set<ServerResponse>();

  attach(res: ServerResponse, initialEvents: ReadonlyArray<readonly [string, unknown]>): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    for (const [event, data] of initialEvents) write(res, event, data);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  send(event: (typeof PageEvent)[keyof typeof PageEvent], data: unknown): void {
    for (const res of this.clients) write(res, event, data);
  }

  get size(): number {
    return this.clients.size;
  }

  closeAll(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

function write(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

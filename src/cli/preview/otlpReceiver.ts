import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createEmulatorCertificate } from '../../../tests/emulator/tls/certificate.ts';

/** One log record as it arrived, flattened for reading: the attributes as a plain object. */
export interface ReceivedLogRecord {
  timeUnixNano: string;
  severityText: string;
  eventName: string;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

export interface OtlpReceiver {
  port: number;
  spkiHash: string;
  /** Every request that arrived: method, host, path, status answered, and the headers named in `headerNames`. */
  requests(): Array<{ method: string; host: string; path: string; status: number; headers: Record<string, string> }>;
  /** Log records of the requests answered 200, in arrival order (duplicates included). */
  records(): ReceivedLogRecord[];
  /** Answer 503 (with Retry-After: 1) until this many milliseconds from now. */
  refuseFor(ms: number): void;
  /** Answer 400 (a permanent refusal: the sender drops the batch) until this many milliseconds from now. */
  rejectFor(ms: number): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function flatten(list: unknown): Record<string, unknown> {
  if (!Array.isArray(list)) return {};
  return Object.fromEntries(
    list.map((item: Json) => {
      const value = (item.value ?? {}) as Json;
      const [first] = Object.values(value);
      const inner = first as Json | undefined;
      const plain = Array.isArray(inner?.values) ? (inner.values as Json[]).map((entry) => Object.values(entry)[0]) : first;
      return [String(item.key), plain];
    }),
  );
}

function recordsOf(body: Json): ReceivedLogRecord[] {
  const records: ReceivedLogRecord[] = [];
  for (const resourceLogs of (body.resourceLogs ?? []) as Json[]) {
    const resource = flatten(((resourceLogs.resource ?? {}) as Json).attributes);
    for (const scopeLogs of (resourceLogs.scopeLogs ?? []) as Json[]) {
      for (const record of (scopeLogs.logRecords ?? []) as Json[]) {
        records.push({
          timeUnixNano: String(record.timeUnixNano),
          severityText: String(record.severityText),
          eventName: String(record.eventName),
          attributes: flatten(record.attributes),
          resource,
        });
      }
    }
  }
  return records;
}

/**
 * A local stand-in for an OpenTelemetry Collector's OTLP/HTTP receiver (`POST /v1/logs`, JSON),
 * on loopback with a throw-away certificate. Browsers reach it through a host-resolver rule.
 */
export async function startOtlpReceiver(hostNames: readonly string[], headerNames: readonly string[] = [], allowedOrigin = '*'): Promise<OtlpReceiver> {
  const certificate = await createEmulatorCertificate(hostNames);
  const requests: ReturnType<OtlpReceiver['requests']> = [];
  const records: ReceivedLogRecord[] = [];
  const sockets = new Set<Socket>();
  let refuseUntil = 0;
  let rejectUntil = 0;
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Like the Collector's `cors.allowed_origins`: the extension's origin must be allowed.
    const cors = {
      'access-control-allow-origin': allowedOrigin,
      'access-control-allow-headers': ['content-type', ...headerNames].join(', '),
      'access-control-allow-methods': 'POST',
    };
    request.on('end', () => {
      const path = request.url ?? '';
      if (request.method === 'OPTIONS') {
        response.writeHead(204, cors);
        response.end();
        return;
      }
      const headers = Object.fromEntries(headerNames.map((name) => [name, String(request.headers[name.toLowerCase()] ?? '')]));
      let status = 200;
      if (request.method !== 'POST' || path !== '/v1/logs') status = 404;
      else if (Date.now() < refuseUntil) status = 503;
      else if (Date.now() < rejectUntil) status = 400;
      else {
        try {
          records.push(...recordsOf(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json));
        } catch {
          status = 400;
        }
      }
      requests.push({ method: request.method ?? '', host: request.headers.host ?? '', path, status, headers });
      response.writeHead(status, { ...cors, 'content-type': 'application/json', ...(status === 503 ? { 'retry-after': '1' } : {}) });
      response.end(status === 200 ? '{}' : '{"message":"unavailable"}');
    });
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
    records: () => [...records],
    refuseFor: (ms) => {
      refuseUntil = Date.now() + ms;
    },
    rejectFor: (ms) => {
      rejectUntil = Date.now() + ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

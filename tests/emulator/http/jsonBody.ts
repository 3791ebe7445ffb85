import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorError } from '../model/emulatorError.ts';

const MAX_BODY_BYTES = 1_000_000;

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new EmulatorError(400, 'The request body is larger than 1 MB.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An empty body reads as `{}` so that POSTs without a body are accepted. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readText(req);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EmulatorError(400, 'The request body is not valid JSON.');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

// The S3-like host that attachment URLs from the Participant Service point to: PUT stores an
// agent's upload, GET serves a file as a download. It checks the URL's signature, like a
// presigned URL, and answers CORS for the embedding page.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../model/emulatorState.ts';
import { corsHeaders } from './participantService.ts';

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export async function handleAttachmentHostRequest(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const cors = corsHeaders(req);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors);
    res.end();
    return;
  }
  const url = new URL(req.url ?? '/', 'https://attachments');
  const match = /^\/(upload|download)\/([A-Za-z0-9-]+)$/.exec(url.pathname);
  const stored = match?.[2] === undefined ? undefined : state.attachments.get(match[2]);
  state.log.attachmentRequests.push({ at: new Date().toISOString(), method: req.method ?? '', path: url.pathname, attachmentId: stored?.attachmentId ?? null });
  if (!match || !stored || url.searchParams.get('sig') !== stored.signature) {
    res.writeHead(403, { ...cors, 'content-type': 'application/xml' });
    res.end('<Error><Code>AccessDenied</Code></Error>');
    return;
  }
  if (match[1] === 'upload' && req.method === 'PUT') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buf.length;
      if (size > MAX_UPLOAD_BYTES) {
        res.writeHead(400, cors);
        res.end();
        return;
      }
      chunks.push(buf);
    }
    stored.bytes = Buffer.concat(chunks);
    res.writeHead(200, cors);
    res.end();
    return;
  }
  if (match[1] === 'download' && req.method === 'GET' && stored.bytes !== null) {
    res.writeHead(200, { ...cors, 'content-type': stored.contentType, 'content-length': String(stored.bytes.length), 'content-disposition': 'attachment' });
    res.end(stored.bytes);
    return;
  }
  res.writeHead(405, cors);
  res.end();
}

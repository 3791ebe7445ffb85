import type { Worker } from 'playwright-core';
import { outboxFromStorage } from '../../core/audit/outbox/outboxStorageKeys.ts';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedLogRecord } from './otlpReceiver.ts';

/** A name under `.test` (never resolvable on the internet); Chromium maps it to the receiver on loopback. */
const PREVIEW_COLLECTOR_HOST = 'otlp.preview-collector.test';
export const PREVIEW_COLLECTOR_ENDPOINT = `https://${PREVIEW_COLLECTOR_HOST}/v1/logs`;

/** What the SIEM feed of the run looked like at the local receiver (`report.otlp`). */
export interface OtlpReport {
  /** Where the policy's `audit.endpoint` pointed for the run. */
  endpoint: string;
  /** Log records that arrived in requests answered 200, duplicates included (at-least-once). */
  received: number;
  /** Each record as it arrived: event name, severity, attributes, resource. */
  records: ReceivedLogRecord[];
  /** Events still in the outbox, not yet delivered, when the report was written (0 when the feed caught up). */
  undelivered: number;
  /** `POST /v1/logs` requests, and how many of them were answered 200. */
  requests: { total: number; accepted: number };
}

export interface OtlpRehearsal {
  endpoint: string;
  /** One `--host-resolver-rules` entry: the collector's host → the receiver's port. */
  hostRule: string;
  spkiHash: string;
  /** Waits until the worker has delivered everything it queued (or `timeoutMs` passed) and says what arrived. */
  report(worker: Worker, timeoutMs: number): Promise<OtlpReport>;
  close(): Promise<void>;
}

/** Events from the last step may still be on their way to the outbox: "caught up" must hold over a batch window. */
const SETTLE_MS = 1_500;

export async function startOtlpRehearsal(extensionOrigin: string): Promise<OtlpRehearsal> {
  const receiver: OtlpReceiver = await startOtlpReceiver([PREVIEW_COLLECTOR_HOST], [], extensionOrigin);
  return {
    endpoint: PREVIEW_COLLECTOR_ENDPOINT,
    hostRule: `MAP ${PREVIEW_COLLECTOR_HOST} 127.0.0.1:${String(receiver.port)}`,
    spkiHash: receiver.spkiHash,
    async report(worker, timeoutMs) {
      const undelivered = await waitForDelivery(worker, timeoutMs);
      const posts = receiver.requests().filter((request) => request.path === '/v1/logs');
      const records = receiver.records();
      return {
        endpoint: PREVIEW_COLLECTOR_ENDPOINT,
        received: records.length,
        records,
        undelivered,
        requests: { total: posts.length, accepted: posts.filter((request) => request.status === 200).length },
      };
    },
    close: () => receiver.close(),
  };
}

async function pending(worker: Worker): Promise<{ undelivered: number; next: number }> {
  const local = await worker.evaluate(() => chrome.storage.local.get(null));
  const { meta } = outboxFromStorage(local);
  return { undelivered: meta.nextSequence - 1 - meta.settledThrough, next: meta.nextSequence };
}

async function waitForDelivery(worker: Worker, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = await pending(worker);
  for (;;) {
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    const now = await pending(worker);
    if (now.undelivered === 0 && last.undelivered === 0 && now.next === last.next) return 0;
    if (Date.now() > deadline) return now.undelivered;
    last = now;
  }
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeChrome } from '../../../bench/fakeChromeStorage.ts';
import { startAuditExport } from '../../../src/background/audit/auditExport.ts';
import { createAuditOutboxStore } from '../../../src/background/audit/auditOutboxStore.ts';
import { buildAuditEvent } from '../../../src/core/audit/buildAuditEvent.ts';

const LIMITS = { maxEvents: 1_000, retentionDays: 30 };
/** Far more posts than a refused batch and its report need: the loop this guards against would reach it at once. */
const POST_LIMIT = 20;

describe('a collector that refuses every batch for good (400)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gets the events once and the report of their drop once, not a report of each report’s refusal', async () => {
    fakeChrome().install();
    const posts: string[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: { body: Blob }) => {
      posts.push(await init.body.text());
      return new Response('{}', { status: posts.length > POST_LIMIT ? 200 : 400 });
    });
    const store = createAuditOutboxStore(() => ({ limits: LIMITS, exporting: true }));
    for (let n = 0; n < 3; n += 1) await store.append(buildAuditEvent('ivr.plaintext_incident', { contactId: `c-${String(n)}`, field: 'Card number' }));
    const exporter = startAuditExport(store, async () => ({ endpoint: 'https://otel.example/v1/logs', headers: [], limits: LIMITS, connectInstance: null }));
    await exporter.resume();

    expect(posts).toHaveLength(2);
    expect(posts[0]).toContain('ivr.plaintext_incident');
    expect(posts[1]).toContain('audit.events_dropped');
    const meta = await store.readMeta();
    // Everything is settled: the three events and the one report, nothing left to send.
    expect(meta.nextSequence - 1).toBe(4);
    expect(meta.settledThrough).toBe(4);
    expect(meta.drops.map((drop) => [drop.reason, drop.count])).toEqual([['rejected', 3]]);
  });
});

import { performance } from 'node:perf_hooks';
import type { Bench, BenchResult } from './BenchResult.ts';
import { openSignedInDesk } from './signedInDesk.ts';
import { median, percentile } from './percentile.ts';

const CONTACTS = 200;

/**
 * From the emulator pushing a new contact to the masked card showing in the shell, next to the
 * time Streams' own `contact.onConnecting` fires in the same page. Both are measured against the
 * same push, on the same clock (wall time in ms, Node and the page share it), so the ratio shows
 * what the shell (masking + React) adds on top of Streams itself.
 */
export const run: Bench = async () => {
  const { emulator, page, close } = await openSignedInDesk();
  try {
    // Given as source text: tsx would otherwise wrap named helpers in a function the page lacks.
    await page.evaluate(`(() => {
      const seen = {};
      const now = () => performance.timeOrigin + performance.now();
      connect.contact((contact) => {
        contact.onConnecting(() => {
          const entry = (seen[contact.getContactId()] ??= {});
          entry.streams ??= now();
        });
      });
      new MutationObserver(() => {
        for (const card of document.querySelectorAll('[data-testid=contact-card]')) {
          const id = card.getAttribute('data-contact-id');
          if (!id) continue;
          const entry = (seen[id] ??= {});
          entry.card ??= now();
        }
      }).observe(document.body, { childList: true, subtree: true });
      window.__latency = seen;
    })()`);

    const card: number[] = [];
    const streams: number[] = [];
    const attributes = {
      cardNumber: '4111 1111 1111 1111',
      email: 'taro.yamada@example.jp',
      orderId: 'ORD-2026-000123',
      note: 'Customer asked about invoice 2026-11',
    };
    for (let i = 0; i < CONTACTS; i += 1) {
      const pushedAt = performance.timeOrigin + performance.now();
      const contactId = await emulator.control.addContact({ type: 'voice', caller: '+81 3 1234 5678', attributes });
      // Polled inside the page (waitForFunction would need eval, which the extension's CSP refuses).
      const { card: cardAt, streams: streamsAt } = await page.evaluate<{ card: number; streams: number }>(`new Promise((resolve) => {
        const check = () => {
          const entry = window.__latency[${JSON.stringify(contactId)}];
          if (entry && entry.card !== undefined && entry.streams !== undefined) resolve(entry);
          else setTimeout(check, 5);
        };
        check();
      })`);
      card.push(cardAt - pushedAt);
      streams.push(streamsAt - pushedAt);
      await emulator.control.clear(contactId);
      await page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`).waitFor({ state: 'detached' });
    }
    const rows: BenchResult[] = [
      {
        name: `contact push → card shown (${CONTACTS} contacts)`,
        metric: 'latency ms',
        median: median(card),
        p95: percentile(card, 95),
        baselineName: 'Streams contact.onConnecting',
        baselineMedian: median(streams),
        ratio: median(card) / median(streams),
        note: `Streams onConnecting p95 ${percentile(streams, 95).toFixed(1)} ms; ratio = card median / onConnecting median (same push, same page)`,
      },
    ];
    return rows;
  } finally {
    await close();
  }
};

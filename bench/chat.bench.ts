import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { Bench, BenchResult } from './BenchResult.ts';
import { openSignedInDesk } from './signedInDesk.ts';
import { median, percentile } from './percentile.ts';

const MESSAGES = 500;
const HISTORY = 2_000;
const CHATS = 200;

/** A marker without digits, so the masking engine leaves it alone and the page can find the message by it. */
function marker(index: number): string {
  let text = '';
  let rest = index;
  do {
    text = String.fromCharCode(97 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return `zq${text}zq`;
}

/**
 * Chat in the shell, against the emulator, with the production build:
 *
 * - latency: customer message sent by the emulator → its masked entry in the thread, next to
 *   chatjs' own `onMessage` in the same page for the same message (a handler registered before the
 *   shell's, so its time is what chatjs delivers before the shell does anything). Every message
 *   holds a card number, so the masking and the run of messages read together are in the path.
 * - memory: JS heap (after a forced GC) and DOM nodes, after 2,000 messages in one chat and after
 *   200 chats opened, used, ended by the customer and cleared, against the same desk before them;
 *   then 200 more cleared while still connected (no chat.ended), against the desk before those.
 */
export const run: Bench = async () => {
  const { emulator, page, close } = await openSignedInDesk();
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const memory = async (): Promise<{ heapMb: number; nodes: number }> => {
      // Twice: objects freed by the first collection's finalizers and weak callbacks go in the second.
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
      return { heapMb: metric('JSHeapUsedSize') / 1_048_576, nodes: metric('Nodes') };
    };

    // Given as source text: tsx would otherwise wrap named helpers in a function the page lacks.
    await page.evaluate(`(() => {
      const now = () => performance.timeOrigin + performance.now();
      const seen = { chatjs: {}, shown: {} };
      connect.contact((contact) => {
        const connection = contact.getAgentConnection();
        if (!(connection instanceof connect.ChatConnection)) return;
        // Asked while the chat still rings: the shell asks for the same session only once it is
        // connected, so this handler is registered first and chatjs calls it first.
        connection.getMediaController().then((chat) => chat.onMessage((event) => {
          const text = event.data && typeof event.data.Content === 'string' ? event.data.Content : '';
          const found = /zq[a-z]+zq/.exec(text);
          if (found) seen.chatjs[found[0]] ??= now();
        }));
      });
      new MutationObserver((records) => {
        const at = now();
        for (const record of records) for (const node of record.addedNodes) {
          const text = node.textContent || '';
          const found = /zq[a-z]+zq/.exec(text);
          if (found && node.nodeType === 1 && node.closest && node.closest('[data-testid=chat-message]')) seen.shown[found[0]] ??= at;
        }
      }).observe(document.body, { childList: true, subtree: true });
      window.__chatLatency = seen;
    })()`);

    const openChat = async (): Promise<string> => {
      const contactId = await emulator.control.addContact({ type: 'chat', customerName: 'Bench Customer' });
      await emulator.control.accept(contactId);
      await page.locator(`[data-testid=chat][data-contact-id="${contactId}"][data-link=connected]`).waitFor({ timeout: 30_000 });
      return contactId;
    };

    const chat = await openChat();
    const start = await memory();
    const shown: number[] = [];
    const chatjs: number[] = [];
    const added: number[] = [];
    let missed = 0;
    for (let index = 0; index < MESSAGES; index += 1) {
      const code = marker(index);
      const sentAt = performance.timeOrigin + performance.now();
      await emulator.control.sendCustomerMessage(chat, { text: `Order ${code}: my card is 4111 1111 1111 1111, thanks` });
      const times = await waitFor(page, code);
      if (Number.isNaN(times.chatjs)) {
        missed += 1;
        continue;
      }
      shown.push(times.shown - sentAt);
      chatjs.push(times.chatjs - sentAt);
      added.push(times.shown - times.chatjs);
    }
    for (let index = MESSAGES; index < HISTORY; index += 1) {
      await emulator.control.sendCustomerMessage(chat, { text: `Order ${marker(index)}: card 4111 1111 1111 1111` });
    }
    await waitFor(page, marker(HISTORY - 1));
    const seenCounts = await page.evaluate<{ chatjs: number; shown: number }>(
      `({ chatjs: Object.keys(window.__chatLatency.chatjs).length, shown: Object.keys(window.__chatLatency.shown).length })`,
    );
    process.stderr.write(`bench: chat: ${HISTORY} messages, chatjs onMessage saw ${seenCounts.chatjs}, the shell showed ${seenCounts.shown}\n`);
    const afterHistory = await memory();
    const rendered = await page.locator(`[data-testid=chat][data-contact-id="${chat}"] [data-testid=chat-message]`).count();
    await emulator.control.clear(chat);
    await page.locator(`[data-testid=chat][data-contact-id="${chat}"]`).waitFor({ state: 'detached' });

    // As Connect closes a chat: the customer leaves (chat.ended on the websocket, the contact in
    // after-contact work), then the agent clears it. `abrupt`: cleared while still connected, so the
    // contact leaves the snapshot with no chat.ended — what the libraries then keep is measured apart.
    let next = HISTORY;
    const cycleChats = async (abrupt: boolean): Promise<void> => {
      for (let index = 0; index < CHATS; index += 1) {
        const contactId = await openChat();
        const code = marker(next++);
        await emulator.control.sendCustomerMessage(contactId, { text: `Hello ${code}, card 4111 1111 1111 1111` });
        await waitFor(page, code);
        if (!abrupt) {
          await emulator.control.customerLeaves(contactId);
          await page.locator(`[data-testid=chat][data-contact-id="${contactId}"][data-link=ended]`).waitFor({ timeout: 30_000 });
        }
        await emulator.control.clear(contactId);
        await page.locator(`[data-testid=chat][data-contact-id="${contactId}"]`).waitFor({ state: 'detached' });
      }
    };
    process.stderr.write('bench: chat: one chat done, now chats opened and closed\n');
    const beforeChats = await memory();
    await cycleChats(false);
    process.stderr.write('bench: chat: now chats cleared without ending\n');
    const afterChats = await memory();
    await cycleChats(true);
    const afterAbrupt = await memory();

    const rows: BenchResult[] = [
      {
        name: `chat: customer message → masked entry shown (${MESSAGES} messages)`,
        metric: 'latency ms',
        median: median(shown),
        p95: percentile(shown, 95),
        baselineName: 'chatjs onMessage (same message, same page)',
        baselineMedian: median(chatjs),
        ratio: median(shown) / median(chatjs),
        note: `chatjs onMessage p95 ${percentile(chatjs, 95).toFixed(1)} ms; what the shell adds after onMessage: median ${median(added).toFixed(1)} ms, p95 ${percentile(added, 95).toFixed(1)} ms; ${shown.length} samples (${missed} left out: chatjs' onMessage did not see them)`,
      },
      {
        name: `chat: JS heap after ${HISTORY} messages in one chat`,
        metric: 'MB',
        median: afterHistory.heapMb,
        baselineName: 'same desk, chat just opened',
        baselineMedian: start.heapMb,
        ratio: afterHistory.heapMb / start.heapMb,
        note: `DOM nodes ${afterHistory.nodes} (start ${start.nodes}); ${rendered} entries rendered (the thread keeps the newest 500, renders a window of them)`,
      },
      {
        name: `chat: JS heap after ${CHATS} chats opened and closed`,
        metric: 'MB',
        median: afterChats.heapMb,
        baselineName: 'same desk before the first of them',
        baselineMedian: beforeChats.heapMb,
        ratio: afterChats.heapMb / beforeChats.heapMb,
        note: `${(((afterChats.heapMb - beforeChats.heapMb) * 1024) / CHATS).toFixed(1)} KB per chat; DOM nodes ${afterChats.nodes} (before ${beforeChats.nodes}); each chat ended by the customer, then cleared`,
      },
      {
        name: `chat: JS heap after ${CHATS} more chats cleared without ending`,
        metric: 'MB',
        median: afterAbrupt.heapMb,
        baselineName: 'same desk before the first of them',
        baselineMedian: afterChats.heapMb,
        ratio: afterAbrupt.heapMb / afterChats.heapMb,
        note: `${(((afterAbrupt.heapMb - afterChats.heapMb) * 1024) / CHATS).toFixed(1)} KB per chat; DOM nodes ${afterAbrupt.nodes}; no chat.ended reached chatjs, so Streams and chatjs keep each session (see README, Performance)`,
      },
    ];
    return rows;
  } finally {
    await close();
  }
};

/**
 * Polled inside the page (waitForFunction would need eval, which the extension's CSP refuses).
 * `chatjs` is NaN when the bench's own onMessage never saw the message within a second of the
 * shell showing it (chatjs delivered it another way, e.g. the transcript re-read after its
 * connection came back): that sample is left out of the latency rows and counted.
 */
async function waitFor(page: Page, code: string): Promise<{ shown: number; chatjs: number }> {
  return page.evaluate<{ shown: number; chatjs: number }>(`new Promise((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      const seen = window.__chatLatency;
      const shown = seen.shown[${JSON.stringify(code)}];
      const chatjs = seen.chatjs[${JSON.stringify(code)}];
      const now = performance.timeOrigin + performance.now();
      if (shown !== undefined && chatjs !== undefined) resolve({ shown, chatjs });
      else if (shown !== undefined && now - shown > 1000) resolve({ shown, chatjs: NaN });
      else if (performance.now() - started > 30000) reject(new Error('message ${code} not shown in the shell within 30 s'));
      else setTimeout(check, 2);
    };
    check();
  })`);
}

import type { Bench, BenchResult } from './BenchResult.ts';
import { openSignedInDesk } from './signedInDesk.ts';
import { median, percentile } from './percentile.ts';

const ACTIONS = 100;

interface Marks {
  acceptClick?: number;
  acceptStreams?: number;
  acceptCard?: number;
  holdClick?: number;
  holdStreams?: number;
  holdCard?: number;
}

/**
 * Click → the card shows the new state, for Accept and for Hold, next to Streams' own callback for
 * the same change in the same page (`contact.onConnected`; for hold, the first `contact.onRefresh`
 * whose customer connection is on hold — Streams has no hold event). All marks are taken in the
 * page on one clock, from the click event itself, so the ratio is what the shell adds (its
 * action, the view rebuild and React) on top of Streams' round trip to Connect.
 */
export const run: Bench = async () => {
  const { emulator, page, close } = await openSignedInDesk();
  try {
    // Given as source text: tsx would otherwise wrap named helpers in a function the page lacks.
    await page.evaluate(`(() => {
      const marks = {};
      const now = () => performance.now();
      const mark = (id, name) => { const entry = (marks[id] ??= {}); entry[name] ??= now(); };
      document.addEventListener('click', (event) => {
        const button = event.target instanceof Element ? event.target.closest('button') : null;
        const card = button ? button.closest('[data-testid=contact-card]') : null;
        if (!card) return;
        const id = card.getAttribute('data-contact-id');
        const action = button.getAttribute('data-testid');
        if (id && (action === 'accept' || action === 'hold')) mark(id, action + 'Click');
      }, true);
      connect.contact((contact) => {
        const id = contact.getContactId();
        contact.onConnected(() => mark(id, 'acceptStreams'));
        contact.onRefresh((current) => {
          const customer = current.getInitialConnection();
          if (customer && customer.isOnHold()) mark(id, 'holdStreams');
        });
      });
      const look = () => {
        for (const card of document.querySelectorAll('[data-testid=contact-card]')) {
          const id = card.getAttribute('data-contact-id');
          const phase = card.getAttribute('data-phase');
          if (id && phase === 'connected') mark(id, 'acceptCard');
          if (id && phase === 'on_hold') mark(id, 'holdCard');
        }
      };
      new MutationObserver(look).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-phase'] });
      window.__controlLatency = marks;
    })()`);

    const marksOf = (contactId: string): Promise<Marks> => page.evaluate<Marks>(`window.__controlLatency[${JSON.stringify(contactId)}] ?? {}`);
    const acceptCard: number[] = [];
    const acceptStreams: number[] = [];
    const holdCard: number[] = [];
    const holdStreams: number[] = [];
    for (let i = 0; i < ACTIONS; i += 1) {
      const contactId = await emulator.control.addContact({ type: 'voice', caller: '+81 3 1234 5678', queue: 'Payments' });
      const card = page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"]`);
      await card.getByTestId('accept').click();
      await page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"][data-phase=connected]`).waitFor();
      await card.getByTestId('hold').click();
      await page.locator(`[data-testid=contact-card][data-contact-id="${contactId}"][data-phase=on_hold]`).waitFor();
      // Streams' callback may land after the card when the shell is faster: wait for both marks.
      let marks = await marksOf(contactId);
      while (marks.acceptStreams === undefined || marks.holdStreams === undefined) {
        await page.waitForTimeout(5);
        marks = await marksOf(contactId);
      }
      const { acceptClick, holdClick } = marks;
      if (acceptClick === undefined || holdClick === undefined || marks.acceptCard === undefined || marks.holdCard === undefined)
        throw new Error(`Missing marks for ${contactId}`);
      acceptCard.push(marks.acceptCard - acceptClick);
      acceptStreams.push(marks.acceptStreams - acceptClick);
      holdCard.push(marks.holdCard - holdClick);
      holdStreams.push(marks.holdStreams - holdClick);
      await emulator.control.end(contactId);
      await emulator.control.clear(contactId);
      await card.waitFor({ state: 'detached' });
    }
    const row = (action: string, card: number[], streams: number[], streamsName: string): BenchResult => ({
      name: `click ${action} → card shows it (${ACTIONS} actions)`,
      metric: 'latency ms',
      median: median(card),
      p95: percentile(card, 95),
      baselineName: streamsName,
      baselineMedian: median(streams),
      ratio: median(card) / median(streams),
      note: `${streamsName} p95 ${percentile(streams, 95).toFixed(1)} ms; ratio = card median / Streams callback median (same click, same page clock)`,
    });
    return [row('Accept', acceptCard, acceptStreams, 'Streams contact.onConnected'), row('Hold', holdCard, holdStreams, 'Streams contact.onRefresh (on hold)')];
  } finally {
    await close();
  }
};
